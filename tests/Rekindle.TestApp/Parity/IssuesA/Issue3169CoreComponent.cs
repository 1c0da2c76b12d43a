using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>The middle component of <see cref="Issue3169Live"/>: a form holding a column component keyed by the record.</summary>
public sealed class Issue3169CoreComponent : LiveComponent
{
    /// <summary>A loaded record.</summary>
    public sealed record Record(int Id, string Name);

    public Record? Current { get; set; }

    public override Rendered Render() => Html($"""
        <div>
          FormCore (c2)
          <form id="core-form">
            {Component<Issue3169ColumnComponent>($"column-{Current?.Id}", new { Name = Current?.Name ?? "" })}
          </form>
        </div>
        """);
}
