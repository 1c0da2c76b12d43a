using System.Security.Cryptography;
using Rekindle.Uploads;

namespace Rekindle.TestApp.Uploads;

/// <summary>The README's custom upload writer: hashes an entry's bytes into SHA-256 as they arrive, no temp file.</summary>
public sealed class Sha256Writer : IUploadWriter
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>The hash in hex, once every byte arrived.</summary>
    public string? Hex { get; private set; }

    public ValueTask<UploadWriteResult> WriteChunkAsync(ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        _hash.AppendData(chunk.Span);
        return ValueTask.FromResult(UploadWriteResult.Ok);
    }

    public ValueTask<UploadWriteResult> CloseAsync(UploadCloseReason reason, CancellationToken cancellationToken)
    {
        if (reason.Kind == UploadCloseKind.Done)
        {
            Hex = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }
        _hash.Dispose();
        return ValueTask.FromResult(UploadWriteResult.Ok);
    }
}
