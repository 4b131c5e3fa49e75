using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace CustomerAdvocacy;

/// <summary>
/// A read-only list that compares by its elements, so that records holding lists compare by value
/// (a replayed incident equals the live one).
/// </summary>
internal sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly T[] _items;

    private EquatableList(T[] items) => _items = items;

    internal static EquatableList<T> Empty { get; } = new(Array.Empty<T>());

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    internal static EquatableList<T> From(IEnumerable<T> items)
    {
        if (items is EquatableList<T> list)
        {
            return list;
        }

        var array = Preconditions.CheckNotNull(items).ToArray();
        return array.Length == 0 ? Empty : new EquatableList<T>(array);
    }

    /// <summary>Wraps an array the caller hands over and never touches again.</summary>
    internal static EquatableList<T> Wrap(T[] items) => items.Length == 0 ? Empty : new EquatableList<T>(items);

    internal EquatableList<T> Add(T item)
    {
        var copy = new T[_items.Length + 1];
        Array.Copy(_items, copy, _items.Length);
        copy[_items.Length] = item;
        return new EquatableList<T>(copy);
    }

    /// <summary>This list with <paramref name="item"/> appended unless it is already in it (a set of applied command ids).</summary>
    internal EquatableList<T> AddIfAbsent(T item) => Array.IndexOf(_items, item) >= 0 ? this : Add(item);

    internal EquatableList<T> AddRange(IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            return this;
        }

        var copy = new T[_items.Length + items.Count];
        Array.Copy(_items, copy, _items.Length);
        for (var i = 0; i < items.Count; i++)
        {
            copy[_items.Length + i] = items[i];
        }

        return new EquatableList<T>(copy);
    }

    internal EquatableList<T> ReplaceAt(int index, T item)
    {
        var copy = (T[])_items.Clone();
        copy[index] = item;
        return new EquatableList<T>(copy);
    }

    internal EquatableList<T> Select(Func<T, T> map)
    {
        var copy = new T[_items.Length];
        for (var i = 0; i < _items.Length; i++)
        {
            copy[i] = map(_items[i]);
        }

        return new EquatableList<T>(copy);
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(EquatableList<T>? other)
        => other is not null && (ReferenceEquals(this, other) || _items.SequenceEqual(other._items));

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in _items)
        {
            hash = unchecked((hash * 31) + (item is null ? 0 : EqualityComparer<T>.Default.GetHashCode(item)));
        }

        return hash;
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";
}
