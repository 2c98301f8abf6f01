/** Builders for value blocks that OpenStack-Helm charts share, with the StarlingX settings. */
import { Values } from '../lib/engine/values';
import type { ImageRefs } from './images';

/** oslo.log's Python logging config (`conf.logging`) for a service. */
export function osloLogging(
  /** Loggers at INFO on stdout, besides root (e.g. `['nova', 'os.brick']`). */
  serviceLoggers: readonly string[],
  /** `datefmt` of both formatters. @default - the library default */
  dateFormat?: string,
): Values {
  const values: Values = {
    loggers: { keys: ['root', ...serviceLoggers] },
    handlers: { keys: ['stdout', 'stderr', 'null'] },
    formatters: { keys: ['context', 'default'] },
    logger_root: { level: 'WARNING', handlers: 'null' },
  };
  for (const logger of serviceLoggers) {
    values[`logger_${logger}`] = { level: 'INFO', handlers: ['stdout'], qualname: logger };
  }
  // Chatty libraries go to stderr at WARNING.
  const quiet: Array<[string, string]> = [
    ['amqp', 'amqp'],
    ['amqplib', 'amqplib'],
    ['eventletwsgi', 'eventlet.wsgi.server'],
    ['sqlalchemy', 'sqlalchemy'],
    ['boto', 'boto'],
  ];
  for (const [name, qualname] of quiet) {
    values[`logger_${name}`] = { level: 'WARNING', handlers: 'stderr', qualname };
  }
  values.handler_null = { class: 'logging.NullHandler', formatter: 'default', args: '()' };
  values.handler_stdout = { class: 'StreamHandler', args: '(sys.stdout,)', formatter: 'context' };
  values.handler_stderr = { class: 'StreamHandler', args: '(sys.stderr,)', formatter: 'context' };
  const dated: Values = dateFormat === undefined ? {} : { datefmt: dateFormat };
  values.formatter_context = { class: 'oslo_log.formatters.ContextFormatter', ...dated };
  values.formatter_default = { format: '%(message)s', ...dated };
  return values;
}

/**
 * A Keystone user of `endpoints.identity.auth` (or `oslo_messaging.auth`, ...): the chart's
 * placeholder password, which system or credential values replace at deploy time.
 */
export function keystoneUser(username: string, fields: Values = {}): Values {
  return {
    region_name: 'RegionOne',
    username,
    password: 'password',
    project_name: 'service',
    user_domain_name: 'service',
    project_domain_name: 'service',
    ...fields,
  };
}

/** Services at their internal endpoints, as `dependencies.*.services` lists them. */
export function internalEndpoints(...services: string[]): Values[] {
  return services.map((service) => ({ endpoint: 'internal', service }));
}

/** A dependency on services at their internal endpoints (`dependencies.static.<job>`). */
export function internalServices(...services: string[]): Values {
  return { services: internalEndpoints(...services) };
}

/**
 * `dependencies.dynamic.common.local_image_registry`: with the local image registry enabled,
 * pods wait for the job that fills it and for the registry on their own node.
 */
export function localImageRegistryDependency(job: string): Values {
  return { jobs: [job], services: [{ endpoint: 'node', service: 'local_image_registry' }] };
}

/** Resources of the charts' jobs as StarlingX sizes them. */
export const defaultJobResources: Values = {
  requests: { memory: '128Mi', cpu: '100m' },
  limits: { memory: '1024Mi', cpu: '2000m' },
};

/** `pod.resources` entries: each component (or job) with {@link defaultJobResources}. */
export function defaultResourcesFor(...components: readonly string[]): Values {
  return Object.fromEntries(components.map((component) => [component, defaultJobResources]));
}

/** A liveness, readiness or startup probe, enabled, with its timing. */
export function probe(params: Values): Values {
  return { enabled: true, params };
}

/** Schedules on nodes labelled `openstack-control-plane=enabled`. */
export const controlPlaneNode: Values = { node_selector_key: 'openstack-control-plane', node_selector_value: 'enabled' };

/**
 * `images` of an OpenStack chart: its own tags, then the dependency check, no image sync and the
 * pre-apply cleanup; pulled when not present, the local registry off.
 */
export function chartImages(img: ImageRefs, tags: Values): Values {
  return {
    tags: { ...tags, dep_check: img.kubernetesEntrypoint, image_repo_sync: null, pre_apply_cleanup: img.vaultManager },
    pull_policy: 'IfNotPresent',
    local_registry: { active: false, exclude: ['dep_check', 'image_repo_sync'] },
  };
}

/** A container that cannot write its root filesystem nor gain privileges. */
export const readOnlyContainer: Values = { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false };

/** A container that runs as root, its root filesystem read-only. */
export const rootContainer: Values = { runAsUser: 0, readOnlyRootFilesystem: true };

/** A privileged container, its root filesystem read-only. */
export const privilegedContainer: Values = { readOnlyRootFilesystem: true, privileged: true };

/** A `pod.security_context.<component>` entry: the pod's user, then each container's settings. */
export function securityContext(runAsUser: number, container: Values): Values {
  return { pod: { runAsUser }, container };
}

/** Ingress classes of the OpenStack ingress controller. */
export const openstackIngressClasses: Values = { namespace: 'nginx-openstack', cluster: 'nginx' };

/** No extra volumes for a container. */
export const noVolumes: Values = { volumeMounts: null, volumes: null };

/** `pod.mounts` of components that add no volumes (the chart's defaults removed). */
export function noExtraMounts(...components: string[]): Values {
  return Object.fromEntries(components.map((c) => [c, { init_container: null, [c]: noVolumes }]));
}

/** One Rally scenario run once, no failure allowed (the charts' smoke tests). */
export function rallyOnceWith(args: Values): Values[] {
  return [{ args, runner: { concurrency: 1, times: 1, type: 'constant' }, sla: { failure_rate: { max: 0 } } }];
}

/** Options of {@link uwsgiConf}. */
export interface UwsgiOptions {
  /** uWSGI worker processes. @default - the chart's */
  readonly processes?: number;
  /** Accept chunked request bodies (image uploads stream without a Content-Length). @default false */
  readonly chunkedInput?: boolean;
  /** `start-time` option. @default - none */
  readonly startTime?: string;
}

/**
 * `conf.<service>_uwsgi` of an API the chart serves with uWSGI: kubelet probes are not logged, and
 * on SIGTERM (the pod's stop signal) the master lets its workers finish before it exits.
 */
export function uwsgiConf(
  /** The process name prefix, e.g. `nova-api`. */
  procname: string,
  /** The WSGI application, e.g. `nova.wsgi.osapi_compute:application`. */
  module: string,
  options: UwsgiOptions = {},
): Values {
  return {
    uwsgi: {
      ...(options.processes === undefined ? {} : { processes: options.processes }),
      'add-header': 'Connection: close',
      'buffer-size': 65535,
      'die-on-term': true,
      'enable-threads': true,
      'exit-on-reload': false,
      'hook-master-start': 'unix_signal:15 gracefully_kill_them_all',
      ...(options.chunkedInput ? { 'http-auto-chunked': true, 'http-chunked-input': true } : {}),
      'lazy-apps': true,
      'log-x-forwarded-for': true,
      master: true,
      'procname-prefix-spaced': `${procname}:`,
      'route-user-agent': '^kube-probe.* donotlog:',
      ...(options.startTime === undefined ? {} : { 'start-time': options.startTime }),
      'thunder-lock': true,
      'worker-reload-mercy': 80,
      module,
      stats: '[::]:1717',
      'stats-http': true,
    },
  };
}
