using Rekindle.Views;

namespace Ballots.Voting;

/// <summary>
/// Who is voting. The seam for real authentication: register another implementation (reading
/// <see cref="MountContext.User"/>, say) and every vote is keyed by it instead.
/// </summary>
public interface IVoterIdentity
{
    /// <summary>The voter id of this mount (at most 200 characters), or <see langword="null"/> when this visitor may only watch.</summary>
    string? VoterId(MountContext context);
}

/// <summary>
/// The default: the browser session (<see cref="MountContext.SessionId"/>), a random id in an HttpOnly
/// cookie that the socket proves with the page's CSRF token. No login, one voter per browser.
/// </summary>
public sealed class SessionVoterIdentity : IVoterIdentity
{
    public string? VoterId(MountContext context) => context.SessionId;
}
