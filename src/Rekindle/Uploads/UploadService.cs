using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rekindle.Uploads;

/// <summary>
/// Where upload temp files go (this process's <see cref="UploadTempFolder"/>) and the entry tokens that let a
/// client join an <c>lvu:</c> channel (docs/protocol.md §5.7). A token names the view's topic
/// and the transfer's random id, encrypted and authenticated with Data Protection, so a client can
/// neither forge one nor point one at another view; the transfer dies with its view, so an old
/// token opens nothing.
/// </summary>
internal sealed class UploadService
{
    private readonly IDataProtector _tokens;

    private readonly UploadTempFolder _tempFolder;

    public UploadService(IDataProtectionProvider protection, UploadTempFolder tempFolder)
    {
        _tokens = protection.CreateProtector("Rekindle.Upload.v1");
        _tempFolder = tempFolder;
    }

    public string TempFolder => _tempFolder.Path;

    public string Protect(string viewTopic, string transferId) => _tokens.Protect(viewTopic + "\n" + transferId);

    public bool TryRead(string? token, [NotNullWhen(true)] out string? viewTopic, [NotNullWhen(true)] out string? transferId)
    {
        viewTopic = null;
        transferId = null;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        try
        {
            var parts = _tokens.Unprotect(token).Split('\n');
            if (parts.Length != 2)
            {
                return false;
            }
            (viewTopic, transferId) = (parts[0], parts[1]);
            return true;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
