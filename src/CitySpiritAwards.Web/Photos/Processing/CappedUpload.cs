namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>Reads an upload into memory, but never more than one byte past the limit.</summary>
internal static class CappedUpload
{
    private const int InitialBufferSize = 64 * 1024;

    /// <returns>The upload's bytes, or null as soon as it proves longer than <paramref name="maxBytes"/>.</returns>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream upload, long maxBytes, CancellationToken cancellationToken)
    {
        long? remaining = upload.CanSeek ? upload.Length - upload.Position : null;
        if (remaining > maxBytes)
            return null;

        // One byte more than allowed is all it takes to tell "too large" from "exactly at the limit".
        var limit = checked((int)maxBytes + 1);
        var buffer = new byte[(int)Math.Min(limit, remaining + 1 ?? InitialBufferSize)];
        var total = 0;
        while (total < limit)
        {
            if (total == buffer.Length)
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            var read = await upload.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
                return buffer.AsMemory(0, total);
            total += read;
        }
        return null;
    }
}
