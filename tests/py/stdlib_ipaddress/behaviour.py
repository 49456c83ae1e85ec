# ipaddress: addresses, networks and interfaces of both versions: str/repr,
# exploded/compressed, the is_* classification, arithmetic and ordering,
# iteration, hosts(), subnets/supernet, containment, exclusion, summarizing
# and collapsing.
import ipaddress

addresses = ['0.0.0.0', '10.1.2.3', '127.0.0.1', '169.254.1.1', '172.16.5.4', '192.0.2.1',
             '192.168.0.1', '100.64.1.1', '224.0.0.1', '240.0.0.1', '255.255.255.255', '8.8.8.8',
             '::', '::1', 'fe80::1', 'fec0::1', 'fc00::1', 'ff02::1', '2001:db8::1',
             '2001:4860:4860::8888', '::ffff:192.168.1.1', '2002:c000:204::1',
             '2001:0:4136:e378:8000:63bf:3fff:fdd2', '1:0:0:2:0:0:0:3', '0:0:1::', '1::',
             '2001:db8:0:0:1:0:0:1', '100::1']
for text in addresses:
    a = ipaddress.ip_address(text)
    print(repr(a), str(a), a.version, a.max_prefixlen, int(a), a.packed)
    print('  exploded', a.exploded, 'compressed', a.compressed, 'reverse', a.reverse_pointer)
    flags = [name for name in ('is_private', 'is_global', 'is_loopback', 'is_link_local',
                               'is_multicast', 'is_reserved', 'is_unspecified')
             if getattr(a, name)]
    print('  ', flags)
    if a.version == 6:
        print('  ipv4_mapped', a.ipv4_mapped, 'sixtofour', a.sixtofour, 'teredo', a.teredo,
              'site_local', a.is_site_local, 'scope', a.scope_id)

scoped = ipaddress.ip_address('fe80::1%eth0')
print(repr(scoped), scoped, scoped.scope_id, scoped == ipaddress.ip_address('fe80::1'),
      scoped == ipaddress.ip_address('fe80::1%eth0'), scoped.is_link_local)

a = ipaddress.ip_address('192.168.1.10')
print(a + 5, a - 10, a + 2**8, ipaddress.ip_address('::1') + 65535)
print(a == ipaddress.IPv4Address('192.168.1.10'), a < ipaddress.ip_address('192.168.1.11'),
      a >= ipaddress.ip_address('10.0.0.1'), hash(a) == hash(ipaddress.ip_address(int(a))))
print(sorted([ipaddress.ip_address(x) for x in ['10.0.0.2', '9.0.0.1', '10.0.0.1']]))
print(ipaddress.IPv4Address(3232235786), ipaddress.IPv4Address(b'\xc0\xa8\x01\x0a'),
      ipaddress.IPv6Address(b'\x20\x01' + bytes(14)), ipaddress.IPv6Address(1))
print(format(a), format(a, 's'), format(a, 'b'), format(a, 'x'), format(a, '#X'), format(a, '_b'),
      format(ipaddress.ip_address('::1'), 'x'), format(ipaddress.ip_address('::1'), '#_x'))
print(ipaddress.v4_int_to_packed(3232235786), ipaddress.v6_int_to_packed(1))
print(sorted([ipaddress.ip_address('::1'), ipaddress.ip_address('1.2.3.4'),
              ipaddress.ip_network('1.2.3.0/24')], key=ipaddress.get_mixed_type_key))

networks = ['192.168.0.0/24', '10.0.0.0/8', '172.16.0.0/255.240.0.0', '192.168.1.0/0.0.0.255',
            '192.0.2.0/31', '192.0.2.5/32', '0.0.0.0/0', '2001:db8::/32', '2001:db8::/127',
            'fe80::/10', '::1/128', 'ff00::/8', '100.64.0.0/10']
for text in networks:
    n = ipaddress.ip_network(text)
    print(repr(n), str(n), n.prefixlen, n.num_addresses, n.network_address, n.broadcast_address)
    print('  ', n.netmask, n.hostmask, n.with_prefixlen, n.with_netmask, n.with_hostmask)
    print('  ', n.is_private, n.is_global, n.is_loopback, n.is_multicast, n.is_link_local,
          n.is_reserved, n.is_unspecified)
    hosts = list(n.hosts()) if n.num_addresses <= 256 else None
    if hosts is not None:
        print('  hosts', len(hosts), hosts[:2], hosts[-1:])
    print('  first', n[0], n[-1], n[1] if n.num_addresses > 1 else None)

n = ipaddress.ip_network('192.168.0.0/24')
print(list(n.subnets()), list(n.subnets(prefixlen_diff=2)))
print(list(n.subnets(new_prefix=26)))
print(n.supernet(), n.supernet(prefixlen_diff=8), n.supernet(new_prefix=16))
print(ipaddress.ip_address('192.168.0.77') in n, ipaddress.ip_address('192.168.1.1') in n)
print(n.overlaps(ipaddress.ip_network('192.168.0.128/25')), n.overlaps(ipaddress.ip_network('10.0.0.0/8')))
print(ipaddress.ip_network('192.168.0.0/25').subnet_of(n), n.supernet_of(ipaddress.ip_network('192.168.0.0/25')),
      n.subnet_of(n))
print(list(n.address_exclude(ipaddress.ip_network('192.168.0.64/26'))))
print(n.compare_networks(ipaddress.ip_network('192.168.0.0/25')), n == ipaddress.ip_network('192.168.0.0/24'),
      n < ipaddress.ip_network('192.168.1.0/24'), hash(n) == hash(ipaddress.ip_network('192.168.0.0/24')))
print(list(ipaddress.ip_network('10.0.0.0/30')), len(list(ipaddress.ip_network('2001:db8::/126'))))
print(list(ipaddress.ip_network('2001:db8::/126').hosts()), list(ipaddress.ip_network('2001:db8::/127').hosts()))
print(list(ipaddress.ip_network('2001:db8::/64').subnets(new_prefix=66)))
print(ipaddress.ip_network('2001:db8::/64').supernet(new_prefix=48))
print(ipaddress.ip_network('10.1.2.3/8', strict=False), ipaddress.IPv4Network(('10.0.0.0', 8)),
      ipaddress.IPv4Network((167772160, '255.0.0.0')), ipaddress.IPv6Network(('2001:db8::', 32)),
      ipaddress.IPv4Network(167772160), ipaddress.IPv4Network(b'\x0a\x00\x00\x00'))

for text in ['192.168.1.5/24', '10.0.0.1/255.0.0.0', '2001:db8::5/64', '::1']:
    i = ipaddress.ip_interface(text)
    print(repr(i), str(i), i.ip, i.network, i.with_prefixlen, i.with_netmask, i.with_hostmask,
          i.netmask, i.hostmask, i.version, i.is_private)
i1 = ipaddress.ip_interface('192.168.1.5/24')
print(i1 == ipaddress.ip_interface('192.168.1.5/24'), i1 == ipaddress.ip_interface('192.168.1.5/25'),
      i1 < ipaddress.ip_interface('192.168.1.6/24'), i1.ip == ipaddress.ip_address('192.168.1.5'))

print(list(ipaddress.summarize_address_range(ipaddress.ip_address('192.0.2.0'),
                                             ipaddress.ip_address('192.0.2.130'))))
print(list(ipaddress.summarize_address_range(ipaddress.ip_address('2001:db8::'),
                                             ipaddress.ip_address('2001:db8::ff'))))
print(list(ipaddress.collapse_addresses([ipaddress.ip_network('192.0.2.0/25'),
                                         ipaddress.ip_network('192.0.2.128/25'),
                                         ipaddress.ip_network('192.0.3.0/24'),
                                         ipaddress.ip_address('192.0.4.1'),
                                         ipaddress.ip_address('192.0.4.0')])))
print(list(ipaddress.collapse_addresses([ipaddress.ip_address(x) for x in
                                         ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.0', '10.0.0.9']])))
print(ipaddress.IPV4LENGTH, ipaddress.IPV6LENGTH)
print({ipaddress.ip_address('1.2.3.4'): 1}[ipaddress.IPv4Address('1.2.3.4')])

import copy
import pickle
for obj in [ipaddress.ip_address('10.0.0.1'), ipaddress.ip_address('fe80::1%eth0'),
            ipaddress.ip_network('10.0.0.0/8'), ipaddress.ip_interface('10.0.0.1/8'),
            ipaddress.ip_interface('2001:db8::1/64')]:
    print(repr(copy.deepcopy(obj)), repr(pickle.loads(pickle.dumps(obj))), copy.copy(obj) == obj)
