using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>A component of <see cref="Issue3979Live"/>: its root element's id and its counter come from the assigns.</summary>
public sealed class Issue3979Component : LiveComponent
{
    public string DomId { get; set; } = "";

    public int Counter { get; set; }

    public override Rendered Render() => Html($"<div id=\"{DomId}\">{Counter}</div>");
}
