import { defineRelease, NO_WAIT } from '../define';
import { neutronStaticValues } from '../../overrides/neutron';
import { Host, Interface } from '../../lib/profile/profile';
import { vfBase } from '../../lib/profile/interfaces';
import { mergeValues, Values } from '../../lib/engine/values';
import {
  CA_PATH,
  certificates,
  emptyHostLeaves,
  groupHosts,
  identityAuth,
  osloCache,
  osloDbAuth,
  osloMessaging,
  publicEndpoint,
} from '../../overrides/system';
import { DeploymentContext } from '../../lib/profile/context';
import { credential } from '../../overrides/credentials';

/** The agents that all get the same per-host list (spec §3.12). */
const PER_HOST_AGENTS = ['neutron_ovs-agent', 'neutron_dhcp-agent', 'neutron_l3-agent', 'neutron_metadata-agent', 'neutron_sriov-agent'];

/** Sort rank of an interface type: ethernet first, then ae, then the rest (spec §3.12.1). */
function typeRank(type: Interface['type']): number {
  return type === 'ethernet' ? 0 : type === 'ae' ? 1 : 2;
}

/** The name the vswitch or the SR-IOV agent knows an interface by, or undefined when it has none. */
function portName(host: Host, iface: Interface): string | undefined {
  switch (iface.type) {
    case 'ethernet':
      return iface.port?.name;
    case 'ae':
      return iface.name;
    case 'vlan': {
      // The agents write the VLAN separator as '#': vlan100 -> vlan#100, eth0.100 -> eth0#100.
      const vlan = /^vlan(\d+)$/.exec(iface.name);
      if (vlan) return `vlan#${vlan[1]}`;
      const dotted = /^(.+)\.(\d+)$/.exec(iface.name);
      return dotted ? `${dotted[1]}#${dotted[2]}` : iface.name;
    }
    case 'vf': {
      // A vf is known by the interface it is carved from.
      const base = vfBase(host, iface);
      return base ? portName(host, base) : undefined;
    }
  }
}

/** The per-host agent configuration of one compute host (spec §3.12.1). */
function hostConf(ctx: DeploymentContext, host: Host): Values {
  const vswitch = ctx.derived.vswitch;
  const datanetworkType = new Map(ctx.profile.datanetworks.map((dn) => [dn.name, dn.type]));
  const interfaces = host.interfaces
    .filter((i) => i.class === 'data' || i.class === 'pci-sriov')
    .sort((a, b) => typeRank(a.type) - typeRank(b.type) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  let bridgeMappings = '';
  let deviceMappings = '';
  let bridgeIndex = 0;
  let localIp: string | undefined;
  let vxlan = false;
  const bridges: Values = {};
  for (const iface of interfaces) {
    const port = portName(host, iface);
    for (const dn of iface.datanetworks) {
      const type = datanetworkType.get(dn);
      if (iface.class === 'data' && type === 'vxlan') {
        // The last vxlan data interface in (type, name) order gives local_ip, even when it has no
        // address (then local_ip is left out).
        vxlan = true;
        localIp = iface.addresses[0];
      }
      if (port === undefined) continue;
      if (type === 'flat' || type === 'vlan') {
        const bridge = `br-phy${bridgeIndex++}`;
        // Trailing comma kept, as the platform writes it (spec §6-4).
        bridgeMappings += `${dn}:${bridge},`;
        bridges[bridge] = port;
      }
      if (iface.class === 'pci-sriov') deviceMappings += `${dn}:${port},`;
    }
  }

  const ovs: Values = {
    integration_bridge: 'br-int',
    datapath_type: vswitch === 'ovs-dpdk' ? 'netdev' : 'system',
    vhostuser_socket_dir: '/var/run/openvswitch',
  };
  // Without a bridge the key is left out, so the chart's static mapping stays.
  if (bridgeMappings !== '') ovs.bridge_mappings = bridgeMappings;
  if (localIp !== undefined) ovs.local_ip = localIp;
  const conf: Values = {
    plugins: {
      openvswitch_agent: { ovs, agent: vxlan ? { tunnel_types: 'vxlan' } : {} },
      sriov_agent: {
        securitygroup: { firewall_driver: 'noop' },
        agent: { root_helper: '' },
        sriov_nic: { physical_device_mappings: deviceMappings },
      },
    },
  };
  if (vswitch === 'ovs' || vswitch === 'ovs-dpdk') conf.auto_bridge_add = bridges;
  return conf;
}

/** `vswitch_labels`: the node labels of the vswitch the compute hosts run (spec §3.12, §6-5 order). */
function vswitchLabels(ctx: DeploymentContext): string[] {
  switch (ctx.derived.vswitch) {
    case 'ovs':
      return ['openvswitch=enabled'];
    case 'ovs-dpdk':
      return ['openvswitch=enabled', 'dpdk=enabled'];
    case 'none':
      return ['none'];
  }
}

/** DHCP agents per network: one per controller on AIO, up to three compute hosts on Standard. */
function dhcpAgentsPerNetwork(ctx: DeploymentContext): number {
  const { system } = ctx.profile;
  if (system.type === 'aio') return system.mode === 'simplex' ? 1 : 2;
  return Math.min(3, ctx.derived.computeHosts.length);
}

/** System values of neutron (spec §3.12). */
function neutronSystemValues(ctx: DeploymentContext): Values {
  const { derived, profile } = ctx;
  const datanetworks = profile.datanetworks;
  const namesOf = (type: string) =>
    datanetworks
      .filter((dn) => dn.type === type)
      .map((dn) => dn.name)
      .join(',');
  const hostConfs = derived.computeHosts.map((host) => ({ hostname: host.hostname, conf: hostConf(ctx, host) }));
  const hosts = groupHosts(hostConfs);

  const neutronConf: Values = { DEFAULT: { dhcp_agents_per_network: dhcpAgentsPerNetwork(ctx) } };
  const conf: Values = {
    neutron: neutronConf,
    plugins: {
      ml2_conf: {
        ml2: { physical_network_mtus: datanetworks.map((dn) => `${dn.name}:${dn.mtu}`).join(',') },
        ml2_type_flat: { flat_networks: namesOf('flat') },
        // Names only: the platform leaves VLAN ranges open.
        ml2_type_vlan: { network_vlan_ranges: namesOf('vlan') },
      },
    },
    // The secret nova's metadata API shares (the static value is the charts' published "password").
    metadata_agent: { DEFAULT: { metadata_proxy_shared_secret: credential.metadataProxySharedSecret() } },
    ovn_metadata_agent: { DEFAULT: { metadata_proxy_shared_secret: credential.metadataProxySharedSecret() } },
    overrides: Object.fromEntries(PER_HOST_AGENTS.map((agent) => [agent, { hosts: structuredClone(hosts) }])),
    paste: { 'app:neutronversions': { 'paste.app_factory': 'neutron.pecan_wsgi.app:versions_factory' } },
  };
  const values: Values = {
    pod: { replicas: { server: derived.controllers, rpc_server: derived.controllers } },
    conf,
    manifests: { daemonset_l3_agent: derived.vswitch === 'ovs' || derived.vswitch === 'ovs-dpdk' },
    vswitch_labels: vswitchLabels(ctx),
    endpoints: {
      identity: { auth: identityAuth(ctx, 'neutron', ['neutron'], ['nova', 'placement', 'designate', 'ironic']) },
      network: publicEndpoint(ctx, 'neutron'),
      oslo_cache: osloCache(),
      oslo_db: { auth: osloDbAuth(['neutron']) },
      oslo_messaging: osloMessaging(ctx, ['neutron']),
    },
  };
  if (derived.https) {
    neutronConf.keystone_authtoken = { cafile: CA_PATH };
    neutronConf.nova = { cafile: CA_PATH };
    conf.metadata_agent = { DEFAULT: { ...((conf.metadata_agent as Values).DEFAULT as Values), auth_ca_cert: CA_PATH } };
    values.manifests = { ...(values.manifests as Values), ...certificates(ctx) };
  }
  values.conf = mergeValues(emptyHostLeaves(hostConfs.map((h) => h.conf)), conf);
  return values;
}

export const neutron = defineRelease({
  name: 'neutron',
  dependsOn: ['placement'],
  ...NO_WAIT,
  staticValues: neutronStaticValues,
  systemValues: neutronSystemValues,
});
