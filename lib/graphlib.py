"""Topological sorting of a dependency graph: TopologicalSorter and CycleError.

Design notes
------------
The graph is stored as one record per node (_Vertex): how many of its
predecessors are not yet done, and the list of its successors, each in
the order they were added.  A node becomes ready when its count reaches
zero.  The count doubles as the node's progress: once a node has been
handed out by get_ready() it is set to _HANDED_OUT, and once done() has
been called for it, to _FINISHED; both are negative so they can never be
mistaken for a count.

prepare() freezes the graph, collects the nodes without predecessors and
looks for a cycle with an iterative depth-first search over successor
lists (recursion would overflow on long chains).  The search visits
nodes in insertion order and successors in the order they were added, so
the cycle it reports, like every order this module produces, depends
only on the order of the add() calls: the results are reproducible and
match CPython's.

The sorter can be driven in parallel: get_ready() hands out every node
whose predecessors are done, the caller processes them (in any order, on
any worker) and reports each with done(), which may make successors
ready.  is_active() stays true while anything is ready or handed out but
not done.  static_order() is that loop run by a single consumer.
"""

from types import GenericAlias

__all__ = ['TopologicalSorter', 'CycleError']

# Progress markers stored in place of a node's count of pending predecessors.
_HANDED_OUT = -1
_FINISHED = -2


class CycleError(ValueError):
    """Raised by prepare() when the graph is not acyclic.

    args[1] is the cycle found: a list of nodes that starts and ends with
    the same node, in which every node is followed by one of its
    successors.
    """


class _Vertex:
    __slots__ = ('node', 'pending', 'successors')

    def __init__(self, node):
        self.node = node
        # Predecessors not yet done, or _HANDED_OUT / _FINISHED.
        self.pending = 0
        self.successors = []


class TopologicalSorter:
    """Orders the nodes of a graph so that each comes after its
    predecessors.  [graph], if given, maps each node to an iterable of
    its predecessors."""

    def __init__(self, graph=None):
        self._vertices = {}
        self._ready = None          # None until prepare() is called
        self._handed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _vertex(self, node):
        vertex = self._vertices.get(node)
        if vertex is None:
            vertex = self._vertices[node] = _Vertex(node)
        return vertex

    def add(self, node, *predecessors):
        """Add [node] and the edges from each of [predecessors] to it.

        Calling add() again for the same node adds more predecessors.  All
        nodes must be hashable.
        """
        if self._ready is not None:
            raise ValueError('Nodes cannot be added after a call to prepare()')
        vertex = self._vertex(node)
        vertex.pending += len(predecessors)
        for before in predecessors:
            self._vertex(before).successors.append(node)

    def prepare(self):
        """Finish building the graph; raises CycleError if it has a cycle.

        The nodes without predecessors become ready even when a cycle is
        found, so the caller may still process as much as possible.
        """
        if self._ready is not None:
            raise ValueError('cannot prepare() more than once')
        self._ready = [vertex.node for vertex in self._vertices.values()
                       if vertex.pending == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError('nodes are in a cycle', cycle)

    def _require_prepared(self):
        if self._ready is None:
            raise ValueError('prepare() must be called first')

    def get_ready(self):
        """A tuple of every node that is ready and not handed out before."""
        self._require_prepared()
        batch = tuple(self._ready)
        for node in batch:
            self._vertices[node].pending = _HANDED_OUT
        self._ready.clear()
        self._handed_out += len(batch)
        return batch

    def is_active(self):
        """True while there are nodes to hand out or handed-out nodes that
        are not done."""
        self._require_prepared()
        return self._finished < self._handed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Mark [nodes], all handed out by get_ready(), as processed; their
        successors may become ready."""
        self._require_prepared()
        vertices = self._vertices
        for node in nodes:
            vertex = vertices.get(node)
            if vertex is None:
                raise ValueError(f'node {node!r} was not added using add()')
            if vertex.pending != _HANDED_OUT:
                if vertex.pending == _FINISHED:
                    raise ValueError(f'node {node!r} was already marked done')
                raise ValueError(
                    f'node {node!r} was not passed out (still not ready)')
            vertex.pending = _FINISHED
            for after in vertex.successors:
                follower = vertices[after]
                follower.pending -= 1
                if follower.pending == 0:
                    self._ready.append(after)
            self._finished += 1

    def _find_cycle(self):
        """A list [n0, n1, ..., n0] of nodes on a cycle, or None."""
        vertices = self._vertices
        visited = set()
        for start in vertices:
            if start in visited:
                continue
            # path holds the nodes of the current search path; position
            # maps each of them to its index, and pending_edges holds, for
            # each, an iterator over the successors not yet explored.
            path = []
            position = {}
            pending_edges = []
            node = start
            while True:
                if node in visited:
                    if node in position:
                        return path[position[node]:] + [node]
                else:
                    visited.add(node)
                    position[node] = len(path)
                    path.append(node)
                    pending_edges.append(iter(vertices[node].successors))
                # Continue from the deepest node that has an unexplored edge.
                node = None
                while path:
                    node = next(pending_edges[-1], _NO_MORE)
                    if node is not _NO_MORE:
                        break
                    del position[path.pop()]
                    pending_edges.pop()
                if not path:
                    break
        return None

    def static_order(self):
        """Iterate over all nodes in an order where every node follows its
        predecessors.  Raises CycleError (from prepare()) on a cycle."""
        self.prepare()
        while self.is_active():
            batch = self.get_ready()
            yield from batch
            self.done(*batch)

    __class_getitem__ = classmethod(GenericAlias)


# Marks an exhausted successor iterator (None may be a node).
_NO_MORE = object()
