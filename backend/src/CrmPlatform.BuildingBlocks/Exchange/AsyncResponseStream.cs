namespace CrmPlatform.BuildingBlocks.Exchange;

/// <summary>
/// Lets a writer that writes a few bytes synchronously write to a response that only takes asynchronous
/// writes: the zip archive inside an xlsx writes each entry's header and closing records, and the central
/// directory, with Write. Those bytes (tens per entry) are kept and sent, in order, ahead of the next
/// asynchronous write, flush or disposal; everything else goes straight through.
/// </summary>
internal sealed class AsyncResponseStream(Stream response) : Stream
{
    /// <summary>Far more than a zip's closing records: a writer that sends its data synchronously fails loudly instead of being buffered whole.</summary>
    private const int MaxHeldBytes = 1024 * 1024;

    private readonly MemoryStream _held = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_held.Length + buffer.Length > MaxHeldBytes)
        {
            throw new InvalidOperationException($"More than {MaxHeldBytes} bytes were written synchronously to an asynchronous response.");
        }

        _held.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendHeldAsync(cancellationToken);
        await response.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>A synchronous flush has nothing to do: what is held waits for the next asynchronous call.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        await response.FlushAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await SendHeldAsync(CancellationToken.None);
        await _held.DisposeAsync();
        await base.DisposeAsync();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private async Task SendHeldAsync(CancellationToken cancellationToken)
    {
        if (_held.Length == 0)
        {
            return;
        }

        await response.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
        _held.SetLength(0);
    }
}
