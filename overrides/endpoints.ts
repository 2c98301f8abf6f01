/**
 * Endpoint blocks of the OpenStack-Helm charts that StarlingX sets the same way for every service:
 * the service's database on MariaDB, its RabbitMQ vhost and the in-cluster Keystone. Passwords here
 * are the charts' placeholders; deployments replace them through credential values.
 */
import { Values } from '../lib/engine/values';

/** Options of {@link osloDbEndpoint} and {@link osloMessagingEndpoint}. */
export interface OsloEndpointOptions {
  /** The admin user reaches the server through its TLS Secret. @default true */
  readonly adminTls?: boolean;
  /** Database or vhost path. @default `/<service>` */
  readonly path?: string;
  /** More users of the service (name to user name). @default - none */
  readonly extraUsers?: Readonly<Record<string, string>>;
}

function auth(admin: string, tlsSecret: string, service: string, options: OsloEndpointOptions): Values {
  const values: Values = {
    admin: { username: admin, password: 'password', ...((options.adminTls ?? true) ? { secret: { tls: { internal: tlsSecret } } } : {}) },
    [service]: { username: service, password: 'password' },
  };
  for (const [key, username] of Object.entries(options.extraUsers ?? {})) values[key] = { username, password: 'password' };
  return values;
}

/** `endpoints.oslo_db`: the service's database on the in-cluster MariaDB. */
export function osloDbEndpoint(service: string, options: OsloEndpointOptions = {}): Values {
  return {
    auth: auth('root', 'mariadb-tls-direct', service, options),
    hosts: { default: 'mariadb' },
    host_fqdn_override: { default: null },
    path: options.path ?? `/${service}`,
    scheme: 'mysql+pymysql',
    port: { mysql: { default: 3306 } },
  };
}

/** `endpoints.oslo_messaging`: the service's vhost on the in-cluster RabbitMQ. */
export function osloMessagingEndpoint(service: string, options: OsloEndpointOptions = {}): Values {
  return {
    auth: auth('rabbitmq', 'rabbitmq-tls-direct', service, options),
    statefulset: { replicas: 2, name: 'osh-openstack-rabbitmq-rabbitmq' },
    hosts: { default: 'rabbitmq' },
    host_fqdn_override: { default: null },
    path: options.path ?? `/${service}`,
    scheme: 'rabbit',
    port: { amqp: { default: 5672 }, http: { default: 15672 } },
  };
}

/** Props of {@link httpEndpoint}. */
export interface HttpEndpointProps {
  /** `name`: the service's name in the catalogue. */
  readonly name: string;
  /** `hosts.default`: the in-cluster Service. @default `<name>-api` */
  readonly host?: string;
  /** `hosts.public`: the public host name. @default the name */
  readonly publicHost?: string;
  /** `path`. @default `{default: null}` */
  readonly path?: Values;
  /** The port's key under `port`. @default `api` */
  readonly portName?: string;
  /** The in-cluster port (the public one is 80). */
  readonly port: number;
  /** The chart's `service` scheme and port too (plain http, the in-cluster port). @default false */
  readonly servicePort?: boolean;
}

/** An OpenStack HTTP service as the charts locate it: in-cluster on its port, public on 80, plain http. */
export function httpEndpoint(props: HttpEndpointProps): Values {
  const service = props.servicePort ?? false;
  return {
    name: props.name,
    hosts: { default: props.host ?? `${props.name}-api`, public: props.publicHost ?? props.name },
    host_fqdn_override: { default: null },
    path: props.path ?? { default: null },
    scheme: service ? { default: 'http', service: 'http' } : { default: 'http' },
    port: {
      [props.portName ?? 'api']: service ? { default: props.port, public: 80, service: props.port } : { default: props.port, public: 80 },
    },
  };
}

/** `endpoints.oci_image_registry`: the charts' OCI registry, unused (auth off, the chart's placeholder user). */
export function ociImageRegistryEndpoint(user: string): Values {
  return {
    name: 'oci-image-registry',
    namespace: 'oci-image-registry',
    auth: { enabled: false, [user]: { username: user, password: 'password' } },
    hosts: { default: 'localhost' },
    host_fqdn_override: { default: null },
    port: { registry: { default: null } },
  };
}

/** Keystone's v3 API at its in-cluster address, for the services' `auth_url` settings. */
export const keystoneInternalUrl = 'http://keystone.openstack.svc.cluster.local:80/v3';

/** The in-cluster Keystone API, as `endpoints.identity` locates it (without its name and users). */
export const keystoneApiLocation: Values = {
  hosts: { default: 'keystone', internal: 'keystone-api' },
  host_fqdn_override: { default: null },
  path: { default: '/v3' },
  scheme: { default: 'http' },
  port: { api: { default: 80, internal: 5000 } },
};

/** `endpoints.identity`: the in-cluster Keystone with the service's users (`auth`). */
export function identityEndpoint(auth: Values): Values {
  return { name: 'keystone', auth, ...keystoneApiLocation };
}
