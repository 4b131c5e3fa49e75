using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace CustomerAdvocacy.Orleans.Wire;

/// <summary>A read-only list that compares by its elements, so that decoded results compare by value.</summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<IReadOnlyList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items) => _items = items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(IReadOnlyList<T>? other) => other is not null && other.Count == _items.Length && _items.SequenceEqual(other);

    public override bool Equals(object? obj) => obj is IReadOnlyList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
