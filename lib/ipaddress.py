"""IPv4 and IPv6 addresses, networks and interfaces.

Design notes
------------
Every object stores its address as one int (self._ip) and knows its family
through two class attributes, _version and _max_prefixlen.  The family
specific parts, parsing text into that int and printing it back, live in two
small mixins, _V4 and _V6; everything else (ordering, arithmetic, network
maths) is written once on plain ints.

A network is (network address, prefix length).  Its netmask, hostmask and
broadcast address are computed from those two on demand.  Text such as
"10.0.0.0/255.0.0.0" or "10.0.0.0/0.255.255.255" is accepted for IPv4: a
mask that is not a prefix length is tried first as a netmask (ones then
zeros), then as a hostmask (zeros then ones).  With strict (the default) a
network whose address has host bits set is an error; otherwise they are
cleared.

An interface is an address that also carries the network it sits on
(IPv4Interface('192.0.2.5/24')); it is an address subclass, so it orders and
hashes with its address and network together.

Classification (is_private, is_global, is_reserved...) uses the IANA
special-purpose registries as tables of networks below.  For a network each
test holds when it holds for both its first and its last address.

collapse_addresses turns its input into integer ranges, merges the ranges
that touch or overlap, and covers each merged range with the fewest aligned
networks (summarize_address_range); that cover is unique, so the result does
not depend on the input order.
"""

__version__ = '1.0'

IPV4LENGTH = 32
IPV6LENGTH = 128


class AddressValueError(ValueError):
    """An address given as text, int or bytes is not valid for its family."""


class NetmaskValueError(ValueError):
    """A netmask or prefix length is not valid."""


# --- Factory functions --------------------------------------------------------------

def _first_that_parses(address, classes, what, *args):
    for cls in classes:
        try:
            return cls(address, *args)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError('%r does not appear to be an IPv4 or IPv6 %s' % (address, what))


def ip_address(address):
    """An IPv4Address or IPv6Address from text, an int or packed bytes."""
    return _first_that_parses(address, (IPv4Address, IPv6Address), 'address')


def ip_network(address, strict=True):
    """An IPv4Network or IPv6Network; [strict] rejects host bits in the address."""
    return _first_that_parses(address, (IPv4Network, IPv6Network), 'network', strict)


def ip_interface(address):
    """An IPv4Interface or IPv6Interface: an address together with its network."""
    return _first_that_parses(address, (IPv4Interface, IPv6Interface), 'interface')


def v4_int_to_packed(address):
    """The 4 network-order bytes of the IPv4 address [address] (an int)."""
    if not 0 <= address < 1 << IPV4LENGTH:
        raise ValueError("Address negative or too large for IPv4")
    return address.to_bytes(4, 'big')


def v6_int_to_packed(address):
    """The 16 network-order bytes of the IPv6 address [address] (an int)."""
    if not 0 <= address < 1 << IPV6LENGTH:
        raise ValueError("Address negative or too large for IPv6")
    return address.to_bytes(16, 'big')


def _version_error(first, second):
    return TypeError('%s and %s are not of the same version' % (first, second))


def _trailing_zero_bits(number, width):
    # How many low bits of [number] are zero, at most [width].
    if number == 0:
        return width
    return min(width, (number & -number).bit_length() - 1)


def summarize_address_range(first, last):
    """The fewest networks that together cover the addresses first..last."""
    if not (isinstance(first, _Address) and isinstance(last, _Address)):
        raise TypeError('first and last must be IP addresses, not networks')
    if first.version != last.version:
        raise _version_error(first, last)
    if first > last:
        raise ValueError('last IP address must be greater than first')
    network_class = IPv4Network if first.version == 4 else IPv6Network
    width = first.max_prefixlen
    return _cover_range(network_class, width, first._ip, last._ip)


def _cover_range(network_class, width, low, high):
    # Take, each time, the largest aligned block starting at [low] that does
    # not pass [high].
    while low <= high:
        bits = min(_trailing_zero_bits(low, width), (high - low + 1).bit_length() - 1)
        yield network_class((low, width - bits))
        low += 1 << bits


def collapse_addresses(addresses):
    """Merge addresses and networks into the fewest covering networks, sorted."""
    ranges = []
    seen = {}
    for item in addresses:
        kind = 'network' if isinstance(item, _Network) and \
            item.prefixlen != item.max_prefixlen else 'address'
        previous = seen.get(kind)
        if previous is not None and previous.version != item.version:
            raise _version_error(item, previous)
        seen[kind] = item
        if isinstance(item, _Network):
            ranges.append((item.network_address._ip, item.broadcast_address._ip,
                           type(item)))
        else:
            network_class = IPv4Network if item.version == 4 else IPv6Network
            ranges.append((item._ip, item._ip, network_class))
    return _collapse_ranges(ranges)


def _collapse_ranges(ranges):
    merged = []
    for low, high, network_class in sorted(ranges, key=lambda r: (r[2]._version, r[0], r[1])):
        if merged and merged[-1][2] is network_class and low <= merged[-1][1] + 1:
            if high > merged[-1][1]:
                merged[-1][1] = high
            continue
        merged.append([low, high, network_class])
    for low, high, network_class in merged:
        yield from _cover_range(network_class, network_class._max_prefixlen, low, high)


def get_mixed_type_key(obj):
    """A sort key that orders addresses and networks of both versions together."""
    if isinstance(obj, _Network):
        return obj._get_networks_key()
    if isinstance(obj, _Address):
        return obj._get_address_key()
    return NotImplemented


# --- Family mixins: parsing and printing ---------------------------------------------

class _V4:
    _version = 4
    _max_prefixlen = IPV4LENGTH
    _ALL_ONES = (1 << IPV4LENGTH) - 1
    _family = 'IPv4'

    @classmethod
    def _parse_address(cls, text):
        if not text:
            raise AddressValueError('Address cannot be empty')
        octets = text.split('.')
        if len(octets) != 4:
            raise AddressValueError('Expected 4 octets in %r' % text)
        value = 0
        for octet in octets:
            try:
                value = (value << 8) | cls._parse_octet(octet)
            except ValueError as exc:
                raise AddressValueError('%s in %r' % (exc, text)) from None
        return value

    @staticmethod
    def _parse_octet(octet):
        if not octet:
            raise ValueError('Empty octet not permitted')
        if not (octet.isascii() and octet.isdigit()):
            raise ValueError('Only decimal digits permitted in %r' % octet)
        if len(octet) > 3:
            raise ValueError('At most 3 characters permitted in %r' % octet)
        if octet[0] == '0' and octet != '0':
            raise ValueError('Leading zeros are not permitted in %r' % octet)
        number = int(octet, 10)
        if number > 255:
            raise ValueError('Octet %d (> 255) not permitted' % number)
        return number

    @classmethod
    def _format_address(cls, value):
        return '.'.join(str(byte) for byte in value.to_bytes(4, 'big'))

    @classmethod
    def _explode(cls, value):
        return cls._format_address(value)

    @classmethod
    def _parse_mask(cls, mask):
        """The prefix length for a mask given as a length, netmask or hostmask."""
        if isinstance(mask, int):
            if 0 <= mask <= cls._max_prefixlen:
                return mask
            raise NetmaskValueError('%r is not a valid netmask' % mask)
        if mask.isascii() and mask.isdigit():
            return cls._prefix_from_text(mask)
        try:
            value = cls._parse_address(mask)
        except AddressValueError:
            raise NetmaskValueError('%r is not a valid netmask' % mask) from None
        for candidate in (value, value ^ cls._ALL_ONES):
            prefix = cls._prefix_of_mask(candidate)
            if prefix is not None:
                return prefix
        raise NetmaskValueError('%r is not a valid netmask' % mask)

    def _reverse_name(self):
        return '.'.join(reversed(str(self).split('.'))) + '.in-addr.arpa'


class _V6:
    _version = 6
    _max_prefixlen = IPV6LENGTH
    _ALL_ONES = (1 << IPV6LENGTH) - 1
    _family = 'IPv6'

    @classmethod
    def _parse_address(cls, text):
        if not text:
            raise AddressValueError('Address cannot be empty')
        parts = text.split(':')
        if len(parts) < 3:
            raise AddressValueError('At least 3 parts expected in %r' % text)
        if '.' in parts[-1]:
            # An IPv4 address in dotted form fills the last 32 bits.
            try:
                low = _V4._parse_address(parts.pop())
            except AddressValueError as exc:
                raise AddressValueError('%s in %r' % (exc, text)) from None
            parts += ['%x' % (low >> 16), '%x' % (low & 0xffff)]
        if len(parts) > 9:
            raise AddressValueError('At most 8 colons permitted in %r' % text)
        gap = None
        for index in range(1, len(parts) - 1):
            if not parts[index]:
                if gap is not None:
                    raise AddressValueError("At most one '::' permitted in %r" % text)
                gap = index
        if gap is None:
            if len(parts) != 8:
                raise AddressValueError("Exactly 8 parts expected without '::' in %r" % text)
            head, tail = parts, []
        else:
            head, tail = parts[:gap], parts[gap + 1:]
            if head == ['']:
                head = []
            if tail == ['']:
                tail = []
            if len(head) + len(tail) > 7:
                raise AddressValueError("Expected at most 7 other parts with '::' in %r" % text)
        if head and not head[0]:
            raise AddressValueError("Leading ':' only permitted as part of '::' in %r" % text)
        if (tail or gap is None) and not parts[-1]:
            raise AddressValueError("Trailing ':' only permitted as part of '::' in %r" % text)
        groups = head + ['0'] * (8 - len(head) - len(tail)) + tail
        value = 0
        for group in groups:
            try:
                value = (value << 16) | cls._parse_hextet(group)
            except ValueError as exc:
                raise AddressValueError('%s in %r' % (exc, text)) from None
        return value

    @staticmethod
    def _parse_hextet(group):
        if not (group.isascii() and all(c in '0123456789abcdefABCDEF' for c in group)) \
                or not group:
            raise ValueError('Only hex digits permitted in %r' % group)
        if len(group) > 4:
            raise ValueError('At most 4 characters permitted in %r' % group)
        return int(group, 16)

    @classmethod
    def _groups(cls, value):
        return [(value >> shift) & 0xffff for shift in range(112, -1, -16)]

    @classmethod
    def _format_address(cls, value):
        """The shortest form: lowercase, no leading zeros, the longest zero run as '::'."""
        groups = ['%x' % group for group in cls._groups(value)]
        best_start, best_len = -1, 0
        run_start, run_len = -1, 0
        for index, group in enumerate(groups):
            if group == '0':
                if run_len == 0:
                    run_start = index
                run_len += 1
                if run_len > best_len:
                    best_start, best_len = run_start, run_len
            else:
                run_len = 0
        if best_len > 1:
            head = ':'.join(groups[:best_start])
            tail = ':'.join(groups[best_start + best_len:])
            return head + '::' + tail
        return ':'.join(groups)

    @classmethod
    def _explode(cls, value):
        return ':'.join('%04x' % group for group in cls._groups(value))

    @classmethod
    def _parse_mask(cls, mask):
        if isinstance(mask, int):
            if 0 <= mask <= cls._max_prefixlen:
                return mask
            raise NetmaskValueError('%r is not a valid netmask' % mask)
        if mask.isascii() and mask.isdigit():
            return cls._prefix_from_text(mask)
        raise NetmaskValueError('%r is not a valid netmask' % mask)

    def _reverse_name(self):
        digits = self._explode(self._ip).replace(':', '')
        return '.'.join(reversed(digits)) + '.ip6.arpa'


# --- Shared behaviour ---------------------------------------------------------------

class _IPAddressBase:
    """What addresses, networks and interfaces have in common."""

    __slots__ = ()

    @property
    def version(self):
        return self._version

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def exploded(self):
        """The long form of the address (every group, leading zeros kept)."""
        return self._explode_text()

    @property
    def compressed(self):
        """The shortest form of the address."""
        return str(self)

    @property
    def reverse_pointer(self):
        """The name of the reverse DNS PTR record for the address."""
        return self._reverse_name()

    @classmethod
    def _prefix_of_mask(cls, value):
        # The prefix length if [value] is ones followed by zeros, else None.
        zeros = _trailing_zero_bits(value, cls._max_prefixlen)
        prefix = cls._max_prefixlen - zeros
        if value >> zeros != (1 << prefix) - 1:
            return None
        return prefix

    @classmethod
    def _prefix_from_text(cls, text):
        prefix = int(text)
        if not 0 <= prefix <= cls._max_prefixlen:
            raise NetmaskValueError('%r is not a valid netmask' % text)
        return prefix

    @classmethod
    def _split_mask(cls, address):
        """(address part, mask part or None) of a constructor argument."""
        if isinstance(address, (tuple, list)):
            if len(address) > 1:
                return address[0], address[1]
            return address[0], None
        if isinstance(address, (int, bytes)):
            return address, None
        pieces = str(address).split('/')
        if len(pieces) > 2:
            raise AddressValueError("Only one '/' permitted in %r" % address)
        if len(pieces) == 2:
            return pieces[0], pieces[1]
        return pieces[0], None

    def __reduce__(self):
        return self.__class__, (str(self),)


class _Address(_IPAddressBase):
    """An address of either family: an int with a family attached."""

    __slots__ = ()

    def _init_address(self, address):
        family = self._family
        if isinstance(address, int):
            if address < 0:
                raise AddressValueError('%d (< 0) is not permitted as an %s address'
                                        % (address, family))
            if address > self._ALL_ONES:
                raise AddressValueError('%d (>= 2**%d) is not permitted as an %s address'
                                        % (address, self._max_prefixlen, family))
            self._ip = address
            return
        if isinstance(address, bytes):
            size = self._max_prefixlen // 8
            if len(address) != size:
                raise AddressValueError('%r (len %d != %d) is not permitted as an %s address'
                                        % (address, len(address), size, family))
            self._ip = int.from_bytes(address, 'big')
            return
        text = str(address)
        if '/' in text:
            raise AddressValueError("Unexpected '/' in %r" % address)
        self._ip = self._parse_address(text)

    def __int__(self):
        return self._ip

    def __index__(self):
        return self._ip

    def __eq__(self, other):
        if not isinstance(other, _Address):
            return NotImplemented
        return self._ip == other._ip and self._version == other._version

    def __lt__(self, other):
        if not isinstance(other, _Address):
            return NotImplemented
        if self._version != other._version:
            raise _version_error(self, other)
        return self._ip < other._ip

    def __gt__(self, other):
        if not isinstance(other, _Address):
            return NotImplemented
        return other.__lt__(self)

    def __le__(self, other):
        result = self.__gt__(other)
        return result if result is NotImplemented else not result

    def __ge__(self, other):
        result = self.__lt__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash(hex(self._ip))

    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._ip + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._ip - other)

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def __str__(self):
        return self._format_address(self._ip)

    def _explode_text(self):
        return self._explode(self._ip)

    def _get_address_key(self):
        return (self._version, self)

    def __reduce__(self):
        return self.__class__, (self._ip,)

    def __format__(self, fmt):
        """'s' (or nothing) formats the text; [#][_](b|x|X|n) the padded number."""
        if not fmt or fmt[-1] == 's':
            return format(str(self), fmt)
        prefix = '#' if fmt.startswith('#') else ''
        rest = fmt[len(prefix):]
        grouping = '_' if rest.startswith('_') else ''
        kind = rest[len(grouping):]
        if kind not in ('b', 'x', 'X', 'n'):
            return super().__format__(fmt)
        if kind == 'n':
            kind = 'b' if self._version == 4 else 'x'
        width = self._max_prefixlen if kind == 'b' else self._max_prefixlen // 4
        if grouping:
            width += width // 4 - 1
        if prefix:
            width += 2
        return format(self._ip, '%s0%d%s%s' % (prefix, width, grouping, kind))

    @property
    def packed(self):
        """The address as network-order bytes."""
        return self._ip.to_bytes(self._max_prefixlen // 8, 'big')

    # Classification: membership in the special-purpose tables.

    def _in_any(self, networks):
        return any(self._ip & net._mask_int == net._ip for net in networks)

    @property
    def is_private(self):
        return self._in_any(self._constants().private)

    @property
    def is_multicast(self):
        return self._in_any((self._constants().multicast,))

    @property
    def is_reserved(self):
        return self._in_any(self._constants().reserved)

    @property
    def is_link_local(self):
        return self._in_any((self._constants().link_local,))

    @property
    def is_loopback(self):
        return self._in_any((self._constants().loopback,))

    @property
    def is_unspecified(self):
        return self._ip == 0


class _Network(_IPAddressBase):
    """A network of either family: an address with a prefix length."""

    __slots__ = ()

    def _init_network(self, address, strict):
        addr, mask = self._split_mask(address)
        base = self._address_class(addr)
        prefix = self._max_prefixlen if mask is None else self._parse_mask(mask)
        self._prefixlen = prefix
        self._mask_int = self._ALL_ONES ^ (self._ALL_ONES >> prefix)
        value = base._ip
        if value & ~self._mask_int & self._ALL_ONES:
            if strict:
                raise ValueError('%s/%d has host bits set' % (base, prefix))
            value &= self._mask_int
        self._ip = value
        self.network_address = self._address_class(value)
        scope = getattr(base, '_scope_id', None)
        if scope:
            self.network_address._scope_id = scope
        if prefix == self._max_prefixlen - 1:
            self.hosts = self.__iter__
        elif prefix == self._max_prefixlen:
            self.hosts = lambda: [self._address_class(value)]

    @property
    def prefixlen(self):
        return self._prefixlen

    @property
    def netmask(self):
        return self._address_class(self._mask_int)

    @property
    def hostmask(self):
        return self._address_class(self._mask_int ^ self._ALL_ONES)

    @property
    def broadcast_address(self):
        return self._address_class(self._ip | (self._mask_int ^ self._ALL_ONES))

    @property
    def num_addresses(self):
        return 1 << (self._max_prefixlen - self._prefixlen)

    @property
    def with_prefixlen(self):
        return '%s/%d' % (self.network_address, self._prefixlen)

    @property
    def with_netmask(self):
        return '%s/%s' % (self.network_address, self.netmask)

    @property
    def with_hostmask(self):
        return '%s/%s' % (self.network_address, self.hostmask)

    def __str__(self):
        return self.with_prefixlen

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def _explode_text(self):
        return '%s/%d' % (self._explode(self._ip), self._prefixlen)

    def _reverse_name(self):
        return self.network_address._reverse_name()

    def _last(self):
        return self._ip | (self._mask_int ^ self._ALL_ONES)

    def __iter__(self):
        make = self._address_class
        for value in range(self._ip, self._last() + 1):
            yield make(value)

    def hosts(self):
        """The usable host addresses (the whole network for /31, /32, /127, /128)."""
        make = self._address_class
        # IPv4 leaves out the broadcast address; IPv6 has none, but leaves
        # out the Subnet-Router anycast address (the network address).
        end = self._last() if self._version == 4 else self._last() + 1
        for value in range(self._ip + 1, end):
            yield make(value)

    def __getitem__(self, index):
        if index >= 0:
            value = self._ip + index
        else:
            value = self._last() + 1 + index
        if not self._ip <= value <= self._last():
            raise IndexError('address out of range')
        return self._address_class(value)

    def __contains__(self, other):
        if isinstance(other, _Network) or not isinstance(other, _Address):
            return False
        return other._version == self._version and other._ip & self._mask_int == self._ip

    def __eq__(self, other):
        if not isinstance(other, _Network):
            return NotImplemented
        return (self._version == other._version and self._ip == other._ip and
                self._prefixlen == other._prefixlen)

    def _order_key(self, other):
        if not isinstance(other, _Network):
            return None
        if self._version != other._version:
            raise _version_error(self, other)
        return (self._ip, self._mask_int), (other._ip, other._mask_int)

    def __lt__(self, other):
        keys = self._order_key(other)
        return NotImplemented if keys is None else keys[0] < keys[1]

    def __le__(self, other):
        keys = self._order_key(other)
        return NotImplemented if keys is None else keys[0] <= keys[1]

    def __gt__(self, other):
        keys = self._order_key(other)
        return NotImplemented if keys is None else keys[0] > keys[1]

    def __ge__(self, other):
        keys = self._order_key(other)
        return NotImplemented if keys is None else keys[0] >= keys[1]

    def __hash__(self):
        return hash(self._ip ^ self._mask_int)

    def _get_networks_key(self):
        return (self._version, self.network_address, self.netmask)

    def compare_networks(self, other):
        """-1, 0 or 1 as this network sorts before, with or after [other]."""
        if self._version != other._version:
            raise TypeError('%s and %s are not of the same type' % (self, other))
        mine, theirs = (self._ip, self._mask_int), (other._ip, other._mask_int)
        return (mine > theirs) - (mine < theirs)

    def overlaps(self, other):
        """Whether the two networks share any address."""
        if self._version != getattr(other, '_version', None):
            return False
        return self._ip <= other._last() and other._ip <= self._last()

    def _covers(self, other):
        # self is a supernet of (or equal to) other.
        if not isinstance(other, _Network):
            raise TypeError('Unable to test subnet containment between %s and %s'
                            % (other, self))
        if self._version != other._version:
            raise _version_error(other, self)
        return self._ip <= other._ip and other._last() <= self._last()

    def subnet_of(self, other):
        """Whether this network lies inside [other]."""
        if not isinstance(other, _Network):
            raise TypeError('Unable to test subnet containment between %s and %s'
                            % (self, other))
        if self._version != other._version:
            raise _version_error(self, other)
        return other._ip <= self._ip and self._last() <= other._last()

    def supernet_of(self, other):
        """Whether [other] lies inside this network."""
        return self._covers(other)

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        """The networks obtained by lengthening the prefix (by 1 by default)."""
        if self._prefixlen == self._max_prefixlen:
            yield self
            return
        if new_prefix is not None:
            if new_prefix < self._prefixlen:
                raise ValueError('new prefix must be longer')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = new_prefix - self._prefixlen
        if prefixlen_diff < 0:
            raise ValueError('prefix length diff must be > 0')
        longer = self._prefixlen + prefixlen_diff
        if longer > self._max_prefixlen:
            raise ValueError('prefix length diff %d is invalid for netblock %s'
                             % (longer, self))
        step = 1 << (self._max_prefixlen - longer)
        for value in range(self._ip, self._last() + 1, step):
            yield self.__class__((value, longer))

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        """The network with a shorter prefix (by 1 by default) that contains this one."""
        if self._prefixlen == 0:
            return self
        if new_prefix is not None:
            if new_prefix > self._prefixlen:
                raise ValueError('new prefix must be shorter')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = self._prefixlen - new_prefix
        shorter = self._prefixlen - prefixlen_diff
        if shorter < 0:
            raise ValueError('current prefixlen is %d, cannot have a prefixlen_diff of %d'
                             % (self._prefixlen, prefixlen_diff))
        mask = self._ALL_ONES ^ (self._ALL_ONES >> shorter)
        return self.__class__((self._ip & mask, shorter))

    def address_exclude(self, other):
        """The networks that make up this one minus [other], largest first."""
        if self._version != other._version:
            raise _version_error(self, other)
        if not isinstance(other, _Network):
            raise TypeError('%s is not a network object' % other)
        if not other.subnet_of(self):
            raise ValueError('%s not contained in %s' % (other, self))
        current = self
        # Halve the network repeatedly, keeping the half without [other].
        while current != other:
            lower, upper = current.subnets()
            if other.subnet_of(lower):
                yield upper
                current = lower
            else:
                yield lower
                current = upper

    # Classification: both ends of the network must qualify.

    def _both_ends(self, name):
        return getattr(self.network_address, name) and getattr(self.broadcast_address, name)

    @property
    def is_private(self):
        # Both ends must fall in the same private block: 0.0.0.0/0 starts
        # and ends in private blocks but is not private.
        last = self._last()
        return any(net._ip <= self._ip and last <= net._last()
                   for net in self._constants().private)

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_multicast(self):
        return self._both_ends('is_multicast')

    @property
    def is_reserved(self):
        return self._both_ends('is_reserved')

    @property
    def is_link_local(self):
        return self._both_ends('is_link_local')

    @property
    def is_loopback(self):
        return self._both_ends('is_loopback')

    @property
    def is_unspecified(self):
        return self._both_ends('is_unspecified')


# --- IPv4 ----------------------------------------------------------------------------

class IPv4Address(_V4, _Address):
    """A 32-bit IPv4 address."""

    def __init__(self, address):
        self._init_address(address)

    @staticmethod
    def _constants():
        return _IPV4_TABLES

    @property
    def is_global(self):
        return not self._in_any((_IPV4_TABLES.shared,)) and not self.is_private

    @property
    def ipv6_mapped(self):
        """The IPv4-mapped IPv6 address ::ffff:a.b.c.d."""
        return IPv6Address('::ffff:%s' % self)


class IPv4Network(_V4, _Network):
    """An IPv4 network: '192.0.2.0/24', ('192.0.2.0', 24), an int or packed bytes."""

    _address_class = IPv4Address

    def __init__(self, address, strict=True):
        self._init_network(address, strict)

    @staticmethod
    def _constants():
        return _IPV4_TABLES

    @property
    def is_global(self):
        shared = _IPV4_TABLES.shared
        inside = self.network_address in shared and self.broadcast_address in shared
        return not inside and not self.is_private


class IPv4Interface(IPv4Address):
    """An IPv4 address with the network it belongs to ('192.0.2.5/24').

    IPv6Interface borrows most of its methods: they reach the family's
    classes through _address_class and _network_class.
    """

    _address_class = IPv4Address
    _network_class = IPv4Network

    def __init__(self, address):
        addr, mask = self._split_mask(address)
        self._address_class.__init__(self, addr)
        self.network = self._network_class(
            (addr, self._max_prefixlen if mask is None else mask), strict=False)
        self.netmask = self.network.netmask
        self.hostmask = self.network.hostmask
        self._prefixlen = self.network._prefixlen

    @property
    def ip(self):
        return self._address_class(self._ip)

    def __str__(self):
        return '%s/%d' % (self._format_address(self._ip), self._prefixlen)

    def _explode_text(self):
        return '%s/%d' % (self._explode(self._ip), self._prefixlen)

    @property
    def with_prefixlen(self):
        return str(self)

    @property
    def with_netmask(self):
        return '%s/%s' % (self.ip, self.netmask)

    @property
    def with_hostmask(self):
        return '%s/%s' % (self.ip, self.hostmask)

    def __eq__(self, other):
        same = _Address.__eq__(self, other)
        if same is NotImplemented or not same:
            return same
        return self.network == getattr(other, 'network', None)

    def __lt__(self, other):
        lower = _Address.__lt__(self, other)
        if lower is NotImplemented:
            return NotImplemented
        theirs = getattr(other, 'network', None)
        if theirs is None:
            return False
        return self.network < theirs or self.network == theirs and lower

    def __hash__(self):
        return hash((self._ip, self._prefixlen, self.network._ip))

    def __reduce__(self):
        return self.__class__, (str(self),)


# --- IPv6 ----------------------------------------------------------------------------

class IPv6Address(_V6, _Address):
    """A 128-bit IPv6 address, optionally with a scope zone ('fe80::1%eth0')."""

    def __init__(self, address):
        self._scope_id = None
        if isinstance(address, str) and '%' in address:
            address, sep, scope = address.partition('%')
            if not scope or '%' in scope:
                raise AddressValueError('Invalid IPv6 address: "%r"' % (address + sep + scope))
            if '/' in scope:
                raise AddressValueError("Unexpected '/' in %r" % (address + sep + scope))
            self._scope_id = scope
        self._init_address(address)

    @staticmethod
    def _constants():
        return _IPV6_TABLES

    def __str__(self):
        text = self._format_address(self._ip)
        if self._scope_id:
            text += '%' + self._scope_id
        return text

    def __eq__(self, other):
        same = _Address.__eq__(self, other)
        if same is NotImplemented or not same:
            return same
        return self._scope_id == getattr(other, '_scope_id', None)

    def __hash__(self):
        return hash((self._ip, self._scope_id))

    def __reduce__(self):
        # The text keeps the scope zone, which the int would lose.
        return self.__class__, (str(self),)

    @property
    def scope_id(self):
        """The zone after '%' in a scoped address, or None."""
        return self._scope_id

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_site_local(self):
        return self._in_any((_IPV6_TABLES.site_local,))

    @property
    def is_loopback(self):
        return self._ip == 1

    @property
    def ipv4_mapped(self):
        """For ::ffff:a.b.c.d the IPv4 address a.b.c.d, else None."""
        if self._ip >> 32 != 0xffff:
            return None
        return IPv4Address(self._ip & 0xffffffff)

    @property
    def teredo(self):
        """For a Teredo address (2001::/32) the (server, client) IPv4 pair, else None."""
        if self._ip >> 96 != 0x20010000:
            return None
        return (IPv4Address((self._ip >> 64) & 0xffffffff),
                IPv4Address(~self._ip & 0xffffffff))

    @property
    def sixtofour(self):
        """For a 6to4 address (2002::/16) the embedded IPv4 address, else None."""
        if self._ip >> 112 != 0x2002:
            return None
        return IPv4Address((self._ip >> 80) & 0xffffffff)


class IPv6Network(_V6, _Network):
    """An IPv6 network: '2001:db8::/32', ('2001:db8::', 32), an int or packed bytes."""

    _address_class = IPv6Address

    def __init__(self, address, strict=True):
        self._init_network(address, strict)

    @staticmethod
    def _constants():
        return _IPV6_TABLES

    @property
    def is_site_local(self):
        return self._both_ends('is_site_local')


class IPv6Interface(IPv6Address):
    """An IPv6 address with the network it belongs to ('2001:db8::5/64')."""

    _address_class = IPv6Address
    _network_class = IPv6Network
    __init__ = IPv4Interface.__init__
    ip = IPv4Interface.ip
    _explode_text = IPv4Interface._explode_text

    def __str__(self):
        return '%s/%d' % (IPv6Address.__str__(self), self._prefixlen)

    with_prefixlen = IPv4Interface.with_prefixlen
    with_netmask = IPv4Interface.with_netmask
    with_hostmask = IPv4Interface.with_hostmask
    __eq__ = IPv4Interface.__eq__
    __lt__ = IPv4Interface.__lt__
    __hash__ = IPv4Interface.__hash__
    __reduce__ = IPv4Interface.__reduce__

    @property
    def is_unspecified(self):
        return self._ip == 0 and self.network.is_unspecified

    @property
    def is_loopback(self):
        return self._ip == 1 and self.network.is_loopback


# --- Special-purpose address tables --------------------------------------------------

class _Tables:
    """The networks behind the is_* properties of one address family."""

    def __init__(self, network_class, private, reserved, multicast, link_local, loopback,
                 **extra):
        self.private = [network_class(text) for text in private.split()]
        self.reserved = [network_class(text) for text in reserved.split()]
        self.multicast = network_class(multicast)
        self.link_local = network_class(link_local)
        self.loopback = network_class(loopback)
        for name, text in extra.items():
            setattr(self, name, network_class(text))


_IPV4_TABLES = _Tables(
    IPv4Network,
    private="""0.0.0.0/8 10.0.0.0/8 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12
               192.0.0.0/29 192.0.0.170/31 192.0.2.0/24 192.168.0.0/16 198.18.0.0/15
               198.51.100.0/24 203.0.113.0/24 240.0.0.0/4 255.255.255.255/32""",
    reserved="240.0.0.0/4",
    multicast="224.0.0.0/4",
    link_local="169.254.0.0/16",
    loopback="127.0.0.0/8",
    shared="100.64.0.0/10",     # carrier-grade NAT: neither private nor global
)

_IPV6_TABLES = _Tables(
    IPv6Network,
    private="""::1/128 ::/128 ::ffff:0:0/96 100::/64 2001::/23 2001:2::/48
               2001:db8::/32 2001:10::/28 fc00::/7 fe80::/10""",
    reserved="""::/8 100::/8 200::/7 400::/6 800::/5 1000::/4 4000::/3 6000::/3
                8000::/3 a000::/3 c000::/3 e000::/4 f000::/5 f800::/6 fe00::/9""",
    multicast="ff00::/8",
    link_local="fe80::/10",
    loopback="::1/128",
    site_local="fec0::/10",
)
