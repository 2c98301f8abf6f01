/**
 * Apache configuration for the OpenStack APIs that OpenStack-Helm serves through mod_wsgi.
 *
 * StarlingX's own vhosts differ from the charts' defaults in one way that matters: Apache listens
 * on the IPv6 wildcard (`:::port`), which also accepts IPv4 on a dual-stack pod, so the APIs work
 * on IPv6-only clusters. This builder writes such a site; the port comes from the chart's own
 * endpoint lookup at render time, so a port changed in `endpoints` still applies.
 */
import { configText } from './config-files';

/** Props of {@link wsgiSite}. */
export interface WsgiSiteProps {
  /** The chart endpoint whose internal port Apache listens on: `[endpoint, endpoint type, port name]`. */
  readonly port: readonly [string, string, string];
  /** WSGI daemon process group name. */
  readonly processGroup: string;
  /** Unix user (and group) the WSGI processes run as. */
  readonly user: string;
  readonly processes: number;
  /** @default 1 */
  readonly threads?: number;
  /** The WSGI application script served at `/`. */
  readonly script: string;
  /** Pass the Authorization header to the application. @default false */
  readonly passAuthorization?: boolean;
  /** Define the `combined` and `proxy` log formats. @default true */
  readonly logFormats?: boolean;
  /** Extra directives inside the virtual host. @default - none */
  readonly vhostDirectives?: readonly string[];
  /** Extra directives after the virtual host. @default - none */
  readonly afterVhost?: readonly string[];
}

/** Logs forwarded requests with the client address from X-Forwarded-For. */
const ACCESS_LOG = [
  'SetEnvIf X-Forwarded-For "^.*\\..*\\..*\\..*" forwarded',
  'CustomLog /dev/stdout combined env=!forwarded',
  'CustomLog /dev/stdout proxy env=forwarded',
];

const LOG_FORMATS = [
  'LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined',
  'LogFormat "%{X-Forwarded-For}i %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" proxy',
];

/** The chart's endpoint port lookup, evaluated by Helm when it renders the config. */
export function chartPortLookup([endpoint, type, port]: readonly [string, string, string]): string {
  return `{{ tuple "${endpoint}" "${type}" "${port}" . | include "helm-toolkit.endpoints.endpoint_port_lookup" }}`;
}

/** An Apache site serving one WSGI application on the endpoint's internal port. */
export function wsgiSite(props: WsgiSiteProps): string {
  const port = chartPortLookup(props.port);
  const daemon = [
    `WSGIDaemonProcess ${props.processGroup}`,
    `processes=${props.processes}`,
    `threads=${props.threads ?? 1}`,
    `user=${props.user}`,
    `group=${props.user}`,
    'display-name=%{GROUP}',
    'python-home=/var/lib/openstack',
    'socket-user=www-data',
  ].join(' ');
  const indent = (lines: readonly string[]) => lines.map((line) => `    ${line}`);
  return configText([
    `Listen :::${port}`,
    ...(props.logFormats === false ? [] : LOG_FORMATS),
    ...ACCESS_LOG,
    'WSGISocketPrefix /var/run/apache2/wsgi',
    `<VirtualHost *:${port}>`,
    ...indent([
      daemon,
      `WSGIProcessGroup ${props.processGroup}`,
      `WSGIScriptAlias / ${props.script}`,
      'WSGIApplicationGroup %{GLOBAL}',
      ...(props.passAuthorization ? ['WSGIPassAuthorization On'] : []),
      ...(props.vhostDirectives ?? []),
      'ErrorLogFormat "%{cu}t %M"',
      'ErrorLog /dev/stdout',
      ...ACCESS_LOG,
    ]),
    '</VirtualHost>',
    ...(props.afterVhost ?? []),
  ]);
}
