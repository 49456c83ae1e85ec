# ipaddress: the errors raised for malformed addresses, networks, netmasks
# and interfaces, and for mixing versions, with CPython's messages.
import ipaddress


def attempt(label, func):
    try:
        print(label, '->', repr(func()))
    except Exception as e:
        print(label, '->', type(e).__name__, str(e))


for text in ['', '1.2.3', '1.2.3.4.5', '1.2.3.256', '1.2.3.a', '1.2..4', '01.2.3.4', '1.2.3.04',
             '1.2.3.4/24', ' 1.2.3.4', '1.2.3.-1', '1.2.3.1234', '0x1.2.3.4', '٣.2.3.4']:
    attempt('v4 %r' % text, lambda: ipaddress.IPv4Address(text))
for value in [-1, 2**32, 2**32 - 1, b'\x01\x02\x03', b'\x01\x02\x03\x04', 3.5]:
    attempt('v4 %r' % (value,), lambda: ipaddress.IPv4Address(value))
for text in ['', ':', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'g::1', '12345::1',
             '::1.2.3', '::1.2.3.4.5', '1:2:3:4:5:6:7::', '::1%', '::1%eth0', '1:2:3:4:5:6:1.2.3.4',
             '1:2:3:4:5:6:7:1.2.3.4', ':1::2', '1::2:', 'fe80::1%scope/64', '::ffff:1.2.3.4']:
    attempt('v6 %r' % text, lambda: ipaddress.IPv6Address(text))
for value in [-1, 2**128, b'\x00' * 15]:
    attempt('v6 %r' % (value,), lambda: ipaddress.IPv6Address(value))
for text in ['10.0.0.1/8', '10.0.0.0/33', '10.0.0.0/255.0.255.0', '10.0.0.0/abc', '10.0.0.0/',
             '10.0.0.0/8/8', '10.0.0.0/0.0.0.255', '10.0.0.0/255.255.0.0', '10.0.0.0/-1', '10.0.0.0/ 8',
             '10.0.0.0/08', '1.2.3/24']:
    attempt('net4 %r' % text, lambda: ipaddress.IPv4Network(text))
attempt('net4 nonstrict', lambda: ipaddress.IPv4Network('10.1.2.3/8', strict=False))
for text in ['2001:db8::1/32', '2001:db8::/129', '2001:db8::/ffff::', '2001:db8::/x', '::/0']:
    attempt('net6 %r' % text, lambda: ipaddress.IPv6Network(text))
for text in ['1.2.3.4', '::1', 'nonsense', '1.2.3.4/24', 12, 2**40, -1]:
    attempt('ip_address %r' % (text,), lambda: ipaddress.ip_address(text))
    attempt('ip_network %r' % (text,), lambda: ipaddress.ip_network(text))
    attempt('ip_interface %r' % (text,), lambda: ipaddress.ip_interface(text))
attempt('ip_network host bits', lambda: ipaddress.ip_network('1.2.3.4/24'))
v4 = ipaddress.ip_address('1.2.3.4')
v6 = ipaddress.ip_address('::1')
attempt('lt', lambda: v4 < v6)
attempt('eq', lambda: v4 == v6)
attempt('add', lambda: v4 + 2**32)
attempt('sub', lambda: v4 - 2**32)
attempt('add v', lambda: v4 + v4)
attempt('add neg', lambda: ipaddress.ip_address('0.0.0.0') - 1)
n4 = ipaddress.ip_network('10.0.0.0/8')
n6 = ipaddress.ip_network('::/64')
attempt('net lt', lambda: n4 < n6)
attempt('net in', lambda: v6 in n4)
attempt('overlaps', lambda: n4.overlaps(n6))
attempt('subnets', lambda: list(n4.subnets(new_prefix=4)))
attempt('subnets both', lambda: list(n4.subnets(1, 10)))
attempt('subnets big', lambda: list(ipaddress.ip_network('10.0.0.0/31').subnets(prefixlen_diff=2)))
attempt('supernet', lambda: n4.supernet(new_prefix=9))
attempt('supernet big', lambda: n4.supernet(prefixlen_diff=9))
attempt('getitem', lambda: n4[2**24])
attempt('getitem neg', lambda: n4[-2**24 - 1])
attempt('exclude', lambda: list(n4.address_exclude(ipaddress.ip_network('11.0.0.0/8'))))
attempt('exclude ver', lambda: list(n4.address_exclude(n6)))
attempt('summarize', lambda: list(ipaddress.summarize_address_range(v4, v6)))
attempt('summarize order', lambda: list(ipaddress.summarize_address_range(
    ipaddress.ip_address('1.2.3.5'), v4)))
attempt('summarize net', lambda: list(ipaddress.summarize_address_range(n4, n4)))
attempt('collapse mixed', lambda: list(ipaddress.collapse_addresses([v4, v6])))
attempt('v4_int_to_packed', lambda: ipaddress.v4_int_to_packed(2**32))
attempt('v6_int_to_packed', lambda: ipaddress.v6_int_to_packed(-1))
attempt('subnet_of', lambda: n4.subnet_of(n6))
attempt('compare', lambda: n4.compare_networks(n6))
attempt('iface', lambda: ipaddress.IPv4Interface('1.2.3.4/33'))
