using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace CustomerAdvocacy.Storage.Serialization;

/// <summary>
/// A growable byte buffer with its own <see cref="Utf8JsonWriter"/>, reset for each payload, so writing an event costs
/// the payload's string and nothing else (a new stream and writer per event were most of the ~6 KB it allocated). One
/// buffer is lent to one writer at a time by its owner; it is not thread-safe.
/// </summary>
internal sealed class PayloadBuffer : IBufferWriter<byte>
{
    // A buffer grown past this by an unusually large payload is dropped after use rather than kept.
    private const int RetainedCapacity = 64 * 1024;

    private readonly Utf8JsonWriter _writer;
    private byte[] _bytes = new byte[1024];
    private int _written;

    internal PayloadBuffer() => _writer = new Utf8JsonWriter(this);

    /// <summary>Empties the buffer and returns its writer, positioned at the start of a payload.</summary>
    internal Utf8JsonWriter Start()
    {
        _written = 0;
        _writer.Reset(this);
        return _writer;
    }

    /// <summary>Flushes the writer and decodes what it wrote.</summary>
    internal string ToText()
    {
        _writer.Flush();
        return Encoding.UTF8.GetString(_bytes, 0, _written);
    }

    /// <summary>Whether the buffer is worth keeping for the next payload.</summary>
    internal bool IsReusable => _bytes.Length <= RetainedCapacity;

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _bytes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_written);

    private byte[] Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        }

        return _bytes;
    }
}
