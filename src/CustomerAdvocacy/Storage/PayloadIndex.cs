using System;
using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CustomerAdvocacy.Storage;

/// <summary>
/// A stored payload's tokens, indexed by one <see cref="Utf8JsonReader"/> pass: where every value lies, and where every
/// object or array ends. It reads what <see cref="JsonDocument"/> reads (the same reader and options: no comments, no
/// trailing commas, one value, depth 64) but keeps only offsets, reuses its arrays from payload to payload and finds
/// properties by their UTF-8 names, so reading an event allocates nothing but the event. Not thread-safe: a reader
/// takes one, parses, reads, and gives it back.
/// </summary>
internal sealed class PayloadIndex
{
    // A reused index keeps at most this many rows, so one huge payload does not pin its arrays forever.
    private const int KeptRows = 4096;

    // Likewise for the buffers of copied and unescaped text.
    private const int KeptBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private Row[] _rows = new Row[64];
    private int[] _open = new int[8];
    private byte[] _unescaped = new byte[256];
    private int _unescapedLength;
    private byte[] _copy = Array.Empty<byte>();
    private byte[] _json = Array.Empty<byte>();
    private int _offset;
    private int _count;

    /// <summary>Indexes <paramref name="utf8Json"/>, forgetting the previous payload.</summary>
    /// <param name="utf8Json">One JSON value in UTF-8; it must not change while the index is read.</param>
    /// <returns>The root value.</returns>
    /// <exception cref="JsonException">The text is not one valid JSON value.</exception>
    internal PayloadNode Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (MemoryMarshal.TryGetArray(utf8Json, out var segment))
        {
            _json = segment.Array!;
            _offset = segment.Offset;
        }
        else
        {
            // Memory that is no array (native, say) is copied once, so every value below is a plain array slice.
            if (_copy.Length < utf8Json.Length)
            {
                _copy = new byte[utf8Json.Length];
            }

            utf8Json.CopyTo(_copy);
            _json = _copy;
            _offset = 0;
        }

        _count = 0;
        _unescapedLength = 0;
        var depth = 0;
        var reader = new Utf8JsonReader(utf8Json.Span);
        while (reader.Read())
        {
            var token = reader.TokenType;
            switch (token)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (depth == _open.Length)
                    {
                        Array.Resize(ref _open, depth * 2);
                    }

                    _open[depth++] = _count;
                    Add(token, (int)reader.TokenStartIndex, 0, unescaped: false, (int)reader.TokenStartIndex, 0);
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    ref var container = ref _rows[_open[--depth]];
                    container.Next = _count;
                    container.Length = (int)reader.TokenStartIndex + 1 - container.Start;
                    container.RawLength = container.Length;
                    break;
                case JsonTokenType.PropertyName:
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped)
                    {
                        AddUnescaped(token, ref reader);
                    }
                    else
                    {
                        // TokenStartIndex is the opening quote; the value starts after it.
                        Add(token, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, unescaped: false, (int)reader.TokenStartIndex, RawLength(ref reader));
                    }

                    break;
                default:
                    Add(token, (int)reader.TokenStartIndex, reader.ValueSpan.Length, unescaped: false, (int)reader.TokenStartIndex, RawLength(ref reader));
                    break;
            }
        }

        return new PayloadNode(this, 0);
    }

    /// <summary>Drops the payload (so a kept index does not hold it alive) and oversized buffers, and says whether the index is worth keeping.</summary>
    /// <returns>False when a huge payload grew the arrays beyond what an index keeps.</returns>
    internal bool Release()
    {
        _json = Array.Empty<byte>();
        _count = 0;
        if (_copy.Length > KeptBytes)
        {
            _copy = Array.Empty<byte>();
        }

        if (_unescaped.Length > KeptBytes)
        {
            _unescaped = new byte[256];
        }

        return _rows.Length <= KeptRows;
    }

    internal JsonTokenType Kind(int row) => _rows[row].Kind;

    internal int Next(int row) => _rows[row].Next;

    /// <summary>A string's or property name's unescaped UTF-8, a number's text, or a container's whole text.</summary>
    internal ReadOnlySpan<byte> Bytes(int row)
    {
        var r = _rows[row];
        return r.Unescaped ? _unescaped.AsSpan(r.Start, r.Length) : _json.AsSpan(_offset + r.Start, r.Length);
    }

    /// <summary>The text of a value as it stands in the payload (quotes and escapes included).</summary>
    internal ReadOnlyMemory<byte> Raw(int row)
    {
        var r = _rows[row];
        return new ReadOnlyMemory<byte>(_json, _offset + r.RawStart, r.RawLength);
    }

    /// <summary>The row of the value of an object's property; where a name repeats, the last one wins, as in <see cref="JsonElement"/>.</summary>
    /// <param name="obj">The object's row.</param>
    /// <param name="utf8Name">The unescaped name.</param>
    /// <returns>The value's row, or -1.</returns>
    internal int FindProperty(int obj, ReadOnlySpan<byte> utf8Name)
    {
        var rows = _rows;
        var found = -1;
        var end = rows[obj].Next;
        for (var name = obj + 1; name < end; name = rows[name + 1].Next)
        {
            ref readonly var r = ref rows[name];
            if (r.Length == utf8Name.Length
                && (r.Unescaped ? _unescaped.AsSpan(r.Start, r.Length) : _json.AsSpan(_offset + r.Start, r.Length)).SequenceEqual(utf8Name))
            {
                found = name + 1;
            }
        }

        return found;
    }

#if NETSTANDARD2_0
    internal string String(int row) => StrictUtf8.GetString(Bytes(row).ToArray());
#else
    internal string String(int row) => StrictUtf8.GetString(Bytes(row));
#endif

    private void Add(JsonTokenType kind, int start, int length, bool unescaped, int rawStart, int rawLength)
    {
        if (_count == _rows.Length)
        {
            Array.Resize(ref _rows, _count * 2);
        }

        _rows[_count] = new Row { Kind = kind, Start = start, Length = length, Next = _count + 1, Unescaped = unescaped, RawStart = rawStart, RawLength = rawLength };
        _count++;
    }

    private void AddUnescaped(JsonTokenType kind, ref Utf8JsonReader reader)
    {
        // The unescaped text is never longer than the escaped one.
        var room = reader.ValueSpan.Length;
        if (_unescaped.Length - _unescapedLength < room)
        {
            Array.Resize(ref _unescaped, Math.Max(_unescaped.Length * 2, _unescapedLength + room));
        }

        var written = reader.CopyString(_unescaped.AsSpan(_unescapedLength));
        Add(kind, _unescapedLength, written, unescaped: true, (int)reader.TokenStartIndex, RawLength(ref reader));
        _unescapedLength += written;
    }

    // A value token ends where the reader stopped (a string's closing quote included); a property name's raw text is never asked for.
    private static int RawLength(ref Utf8JsonReader reader) => (int)(reader.BytesConsumed - reader.TokenStartIndex);

    private struct Row
    {
        public int Start;
        public int Length;
        public int Next;
        public int RawStart;
        public int RawLength;
        public JsonTokenType Kind;
        public bool Unescaped;
    }
}

/// <summary>
/// One value of a <see cref="PayloadIndex"/>: the small vocabulary the event readers use, with the same checks and
/// exceptions as <see cref="JsonElement"/>'s (a wrong kind is an <see cref="InvalidOperationException"/>, a number that
/// does not fit a <see cref="FormatException"/>). Valid only until its index reads the next payload.
/// </summary>
internal readonly struct PayloadNode
{
    private readonly PayloadIndex _index;
    private readonly int _row;

    internal PayloadNode(PayloadIndex index, int row)
    {
        _index = index;
        _row = row;
    }

    /// <summary>The value's kind, as <see cref="JsonElement.ValueKind"/> names it.</summary>
    internal JsonValueKind ValueKind => _index.Kind(_row) switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        JsonTokenType.Null => JsonValueKind.Null,
        _ => JsonValueKind.Undefined,
    };

    /// <summary>A string's unescaped UTF-8.</summary>
    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    internal ReadOnlySpan<byte> Utf8String => IsKind(JsonTokenType.String) ? _index.Bytes(_row) : throw WrongKind("a string");

    /// <summary>The value's text as it stands in the payload (quotes and escapes included), for readers that take JSON.</summary>
    internal ReadOnlyMemory<byte> Raw => _index.Raw(_row);

    /// <summary>Finds a property of this object by name; where a name repeats, the last one wins, as in <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>.</summary>
    /// <param name="utf8Name">The property name in UTF-8.</param>
    /// <param name="value">The property's value.</param>
    /// <returns>False when this is not an object or has no such property.</returns>
    internal bool TryGetProperty(ReadOnlySpan<byte> utf8Name, out PayloadNode value)
    {
        var found = IsKind(JsonTokenType.StartObject) ? _index.FindProperty(_row, utf8Name) : -1;
        value = found < 0 ? default : new PayloadNode(_index, found);
        return found >= 0;
    }

    /// <summary>The string, or null for a JSON null.</summary>
    /// <exception cref="InvalidOperationException">The value is neither.</exception>
    internal string? GetString() => _index.Kind(_row) switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => _index.String(_row),
        _ => throw WrongKind("a string"),
    };

    internal int GetInt32() => Utf8Parser.TryParse(Number, out int value, out var used) && used == Number.Length ? value : throw new FormatException("The number does not fit an Int32.");

    internal long GetInt64() => Utf8Parser.TryParse(Number, out long value, out var used) && used == Number.Length ? value : throw new FormatException("The number does not fit an Int64.");

    internal decimal GetDecimal() => Utf8Parser.TryParse(Number, out decimal value, out var used) && used == Number.Length ? value : throw new FormatException("The number does not fit a Decimal.");

    internal bool GetBoolean() => _index.Kind(_row) switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw WrongKind("a boolean"),
    };

    /// <summary>A GUID in the form <c>JsonElement.GetGuid</c> reads (<c>D</c>: 36 characters with hyphens).</summary>
    internal Guid GetGuid()
    {
        var text = Utf8String;
        return text.Length == 36 && Utf8Parser.TryParse(text, out Guid value, out var used, 'D') && used == 36 ? value : throw new FormatException("The string is not a GUID.");
    }

    /// <summary>How many elements this array holds.</summary>
    /// <exception cref="InvalidOperationException">The value is not an array.</exception>
    internal int GetArrayLength()
    {
        var count = 0;
        foreach (var _ in EnumerateArray())
        {
            count++;
        }

        return count;
    }

    /// <summary>The elements of this array, in order.</summary>
    /// <exception cref="InvalidOperationException">The value is not an array.</exception>
    internal ArrayEnumerator EnumerateArray() => IsKind(JsonTokenType.StartArray) ? new ArrayEnumerator(_index, _row) : throw WrongKind("an array");

    /// <summary>Reads every element of this array into a new array.</summary>
    /// <typeparam name="T">What an element becomes.</typeparam>
    /// <param name="read">Reads one element.</param>
    /// <returns>The elements read, in order.</returns>
    internal T[] ReadArray<T>(Func<PayloadNode, T> read)
    {
        var items = new T[GetArrayLength()];
        var i = 0;
        foreach (var element in EnumerateArray())
        {
            items[i++] = read(element);
        }

        return items;
    }

    /// <summary>Parses this value into a <see cref="JsonDocument"/>, for the few readers that take a <see cref="JsonElement"/>.</summary>
    internal JsonDocument ToDocument() => JsonDocument.Parse(Raw);

    /// <summary>A reader positioned on this value, for <see cref="JsonSerializer"/>.</summary>
    internal Utf8JsonReader ToReader()
    {
        var reader = new Utf8JsonReader(Raw.Span);
        reader.Read();
        return reader;
    }

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(Raw.ToArray());

    private ReadOnlySpan<byte> Number => IsKind(JsonTokenType.Number) ? _index.Bytes(_row) : throw WrongKind("a number");

    private bool IsKind(JsonTokenType kind) => _index.Kind(_row) == kind;

    private InvalidOperationException WrongKind(string expected) => new($"The value is {ValueKind}, not {expected}.");

    /// <summary>Walks an array's elements without allocating.</summary>
    internal struct ArrayEnumerator
    {
        private readonly PayloadIndex _index;
        private readonly int _end;
        private int _next;
        private int _current;

        internal ArrayEnumerator(PayloadIndex index, int array)
        {
            _index = index;
            _end = index.Next(array);
            _next = array + 1;
            _current = -1;
        }

        /// <summary>The element the enumerator is on.</summary>
        public readonly PayloadNode Current => new(_index, _current);

        /// <summary>Allows <c>foreach</c>.</summary>
        public readonly ArrayEnumerator GetEnumerator() => this;

        /// <summary>Moves to the next element.</summary>
        public bool MoveNext()
        {
            if (_next >= _end)
            {
                return false;
            }

            _current = _next;
            _next = _index.Next(_next);
            return true;
        }
    }
}
