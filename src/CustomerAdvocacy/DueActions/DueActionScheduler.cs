using System;
using System.Collections.Generic;
using CustomerAdvocacy.Kernel;
using NodaTime;

namespace CustomerAdvocacy.DueActions;

/// <summary>
/// Keeps every open due item (SLA warnings and breaches, ladder time-outs, commitments, trial ends, review deadlines,
/// health checks) and answers "when is the next thing due" and "what is due by instant t". Pure bookkeeping: no
/// threads, no timers; a host asks it when to wake up, then sweeps and applies the planned commands
/// (<see cref="DueActionPlanner"/>), and re-arms an incident's items after each command
/// (<see cref="ReplaceIncident"/>).
/// </summary>
/// <remarks>
/// <para>
/// An indexed binary min-heap ordered by (due, incident, kind, reference). Each scheduled key gets an integer handle
/// once (one dictionary lookup per schedule or removal); the heap holds handles and moving an item while sifting
/// writes only arrays, never hashes a key. <see cref="NextDue"/> is O(1), <see cref="Schedule"/> and
/// <see cref="Remove"/> O(log n), <see cref="TakeDue"/> of k items O(k log n), <see cref="DueBy"/> O(k log k) without
/// changing anything.
/// </para>
/// <para>
/// <b>Not thread-safe, by design</b>: one owner (the host's due-action runner, an incident grain, a test) mutates it.
/// Concurrent reads while nobody writes are safe; anything else needs the owner's own lock.
/// </para>
/// </remarks>
public sealed class DueActionScheduler
{
    private readonly Dictionary<DueItemKey, int> _handles = new();
    private readonly Dictionary<IncidentId, int> _firstOfIncident = new();
    private DueItem[] _items;
    private int[] _positionOf;
    private int[] _nextOfIncident;
    private int[] _previousOfIncident;
    private Node[] _heap;
    private int _count;
    private int[] _free;
    private int _freeCount;
    private int _handleCount;

    /// <summary>Creates an empty scheduler.</summary>
    public DueActionScheduler()
        : this(16)
    {
    }

    /// <summary>Creates an empty scheduler with room for <paramref name="capacity"/> items before it grows.</summary>
    /// <param name="capacity">The initial capacity; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public DueActionScheduler(int capacity)
    {
        var size = Math.Max(1, Preconditions.CheckNonNegative(capacity));
        _items = new DueItem[size];
        _positionOf = new int[size];
        _nextOfIncident = new int[size];
        _previousOfIncident = new int[size];
        _heap = new Node[size];
        _free = new int[size];
    }

    /// <summary>The number of items scheduled.</summary>
    public int Count => _count;

    /// <summary>The earliest item (ties by key), or <see langword="null"/> when nothing is scheduled. O(1).</summary>
    public DueItem? NextDue => _count == 0 ? null : _items[_heap[0].Handle];

    /// <summary>Schedules an item, or re-arms it when its key is already scheduled (the old due instant is replaced).</summary>
    /// <param name="item">The item.</param>
    public void Schedule(DueItem item)
    {
        if (_handles.TryGetValue(item.Key, out var handle))
        {
            var old = _items[handle];
            _items[handle] = item;
            var at = _positionOf[handle];
            _heap[at] = new Node(item.Due, handle);
            if (item.CompareTo(old) < 0)
            {
                SiftUp(at);
            }
            else
            {
                SiftDown(at);
            }

            return;
        }

        handle = NewHandle();
        _items[handle] = item;
        _handles.Add(item.Key, handle);
        if (item.Key.IncidentId is { } incident)
        {
            Link(incident, handle);
        }

        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        _count++;
        Place(_count - 1, new Node(item.Due, handle));
        SiftUp(_count - 1);
    }

    /// <summary>Whether an item with the key is scheduled, and which.</summary>
    /// <param name="key">The key.</param>
    /// <param name="item">The scheduled item, when there is one.</param>
    /// <returns><see langword="true"/> when scheduled.</returns>
    public bool TryGet(DueItemKey key, out DueItem item)
    {
        if (_handles.TryGetValue(key, out var handle))
        {
            item = _items[handle];
            return true;
        }

        item = default;
        return false;
    }

    /// <summary>Removes the item with the key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="true"/> when it was scheduled.</returns>
    public bool Remove(DueItemKey key)
    {
        if (!_handles.TryGetValue(key, out var handle))
        {
            return false;
        }

        RemoveAt(_positionOf[handle]);
        return true;
    }

    /// <summary>The items scheduled for an incident, in due order.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <returns>The items.</returns>
    public IReadOnlyList<DueItem> ItemsOf(IncidentId incidentId)
    {
        var items = new List<DueItem>();
        if (_firstOfIncident.TryGetValue(incidentId, out var handle))
        {
            for (; handle >= 0; handle = _nextOfIncident[handle])
            {
                items.Add(_items[handle]);
            }
        }

        items.Sort();
        return items;
    }

    /// <summary>
    /// Re-arms an incident after a command: its scheduled items become exactly <paramref name="items"/> (items not
    /// listed are removed, listed ones scheduled or moved). An empty list removes the incident (closed).
    /// </summary>
    /// <param name="incidentId">The incident.</param>
    /// <param name="items">Its open due items; each for this incident, no key twice.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">An item is for another incident or outside any incident, or a key is given twice.
    /// Nothing is changed then.</exception>
    public void ReplaceIncident(IncidentId incidentId, IEnumerable<DueItem> items)
    {
        var wanted = new Dictionary<DueItemKey, DueItem>();
        foreach (var item in Preconditions.CheckNotNull(items))
        {
            if (item.Key.IncidentId != incidentId)
            {
                throw new ArgumentException($"The item {item} is not for incident {incidentId}.", nameof(items));
            }

            if (wanted.ContainsKey(item.Key))
            {
                throw new ArgumentException($"The key {item.Key} is given twice.", nameof(items));
            }

            wanted.Add(item.Key, item);
        }

        if (_firstOfIncident.TryGetValue(incidentId, out var first))
        {
            var stale = new List<DueItemKey>();
            for (var handle = first; handle >= 0; handle = _nextOfIncident[handle])
            {
                var key = _items[handle].Key;
                if (!wanted.ContainsKey(key))
                {
                    stale.Add(key);
                }
            }

            foreach (var key in stale)
            {
                Remove(key);
            }
        }

        foreach (var item in wanted.Values)
        {
            Schedule(item);
        }
    }

    /// <summary>Removes every item of an incident.</summary>
    /// <param name="incidentId">The incident.</param>
    /// <returns>How many were removed.</returns>
    public int RemoveIncident(IncidentId incidentId)
    {
        if (!_firstOfIncident.TryGetValue(incidentId, out var first))
        {
            return 0;
        }

        var list = new List<int>();
        for (var handle = first; handle >= 0; handle = _nextOfIncident[handle])
        {
            list.Add(handle);
        }

        foreach (var handle in list)
        {
            RemoveAt(_positionOf[handle]);
        }

        return list.Count;
    }

    /// <summary>
    /// What is due by <paramref name="instant"/> (due at or before it), in due order, without removing anything.
    /// Walks only the part of the heap that is due.
    /// </summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The due items.</returns>
    public IReadOnlyList<DueItem> DueBy(Instant instant)
    {
        var due = new List<DueItem>();
        if (_count == 0)
        {
            return due;
        }

        var pending = new Stack<int>();
        pending.Push(0);
        while (pending.Count > 0)
        {
            var at = pending.Pop();
            if (at >= _count || _heap[at].Due > instant)
            {
                continue;
            }

            due.Add(_items[_heap[at].Handle]);
            pending.Push((2 * at) + 1);
            pending.Push((2 * at) + 2);
        }

        due.Sort();
        return due;
    }

    /// <summary>Removes and returns what is due by <paramref name="instant"/> (due at or before it), in due order.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The items removed.</returns>
    public IReadOnlyList<DueItem> TakeDue(Instant instant)
    {
        var due = new List<DueItem>();
        while (_count > 0 && _heap[0].Due <= instant)
        {
            due.Add(_items[_heap[0].Handle]);
            RemoveAt(0);
        }

        return due;
    }

    private int NewHandle()
    {
        if (_freeCount > 0)
        {
            return _free[--_freeCount];
        }

        if (_handleCount == _items.Length)
        {
            var size = _items.Length * 2;
            Array.Resize(ref _items, size);
            Array.Resize(ref _positionOf, size);
            Array.Resize(ref _nextOfIncident, size);
            Array.Resize(ref _previousOfIncident, size);
            Array.Resize(ref _free, size);
        }

        return _handleCount++;
    }

    // Each incident's handles form a doubly linked list threaded through two arrays: adding and removing an item touch
    // the incident's dictionary entry at most once and allocate nothing.
    private void Link(IncidentId incident, int handle)
    {
        _previousOfIncident[handle] = -1;
        if (_firstOfIncident.TryGetValue(incident, out var first))
        {
            _nextOfIncident[handle] = first;
            _previousOfIncident[first] = handle;
        }
        else
        {
            _nextOfIncident[handle] = -1;
        }

        _firstOfIncident[incident] = handle;
    }

    private void Unlink(IncidentId incident, int handle)
    {
        var previous = _previousOfIncident[handle];
        var next = _nextOfIncident[handle];
        if (next >= 0)
        {
            _previousOfIncident[next] = previous;
        }

        if (previous >= 0)
        {
            _nextOfIncident[previous] = next;
        }
        else if (next >= 0)
        {
            _firstOfIncident[incident] = next;
        }
        else
        {
            _firstOfIncident.Remove(incident);
        }
    }

    private void RemoveAt(int at)
    {
        var handle = _heap[at].Handle;
        var removed = _items[handle];
        _handles.Remove(removed.Key);
        if (removed.Key.IncidentId is { } incident)
        {
            Unlink(incident, handle);
        }

        _items[handle] = default;
        _free[_freeCount++] = handle;
        _count--;
        if (at == _count)
        {
            return;
        }

        var last = _heap[_count];
        Place(at, last);
        if (_items[last.Handle].CompareTo(removed) < 0)
        {
            SiftUp(at);
        }
        else
        {
            SiftDown(at);
        }
    }

    private bool Less(Node a, Node b)
    {
        var byDue = a.Due.CompareTo(b.Due);
        return byDue != 0 ? byDue < 0 : _items[a.Handle].Key.CompareTo(_items[b.Handle].Key) < 0;
    }

    private void SiftUp(int at)
    {
        var node = _heap[at];
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Less(node, _heap[parent]))
            {
                break;
            }

            Place(at, _heap[parent]);
            at = parent;
        }

        Place(at, node);
    }

    private void SiftDown(int at)
    {
        var node = _heap[at];
        while (true)
        {
            var child = (2 * at) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && Less(_heap[child + 1], _heap[child]))
            {
                child++;
            }

            if (!Less(_heap[child], node))
            {
                break;
            }

            Place(at, _heap[child]);
            at = child;
        }

        Place(at, node);
    }

    private void Place(int at, Node node)
    {
        _heap[at] = node;
        _positionOf[node.Handle] = at;
    }

    /// <summary>A heap entry: the due instant inline, so sifting compares contiguous entries; the key only breaks ties.</summary>
    private readonly struct Node
    {
        internal Node(Instant due, int handle)
        {
            Due = due;
            Handle = handle;
        }

        internal Instant Due { get; }

        internal int Handle { get; }
    }
}
