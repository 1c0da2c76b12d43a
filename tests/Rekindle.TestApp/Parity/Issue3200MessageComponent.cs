using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity;

/// <summary>A component nested in <see cref="Issue3200MessagesComponent"/>, rendering its message.</summary>
public sealed class Issue3200MessageComponent : LiveComponent
{
    public string Message { get; set; } = "";

    public override Rendered Render() => Html($"<div>{Message}</div>");
}
