using System.Text.Json;
using Rekindle.Views;

namespace Rekindle.Runtime;

/// <summary>
/// Turns a client's <c>phx_join</c> into a mounted view or a refusal (docs/protocol.md §3.3). The
/// runtime only asks; Hosting answers, since the tokens, routes and on-mount hooks live there.
/// </summary>
internal interface IViewJoiner
{
    ValueTask<JoinResult> JoinAsync(string topic, JsonElement payload, SocketSession session, IViewRuntime runtime, CancellationToken cancellationToken);
}
