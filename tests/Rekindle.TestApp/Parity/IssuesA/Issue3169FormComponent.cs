using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>The outer component of <see cref="Issue3169Live"/>: loads the selected record through an update it sends itself.</summary>
public sealed class Issue3169FormComponent : LiveComponent
{
    private Issue3169CoreComponent.Record? _record;

    /// <summary>The parent's assigns: the selected record's name.</summary>
    public sealed record Selection(string? Name);

    /// <summary>The update this component sends itself: load the record named <paramref name="Name"/>.</summary>
    public sealed record LoadRecord(string Name);

    public override async ValueTask UpdateAsync(object? assigns)
    {
        switch (assigns)
        {
            case Selection { Name: { } name }:
                SendUpdate<Issue3169FormComponent>(Id, new LoadRecord(name));
                _record = null;
                break;
            case LoadRecord load:
                await Task.Delay(50, CancellationToken);
                _record = new(Random.Shared.Next(1, 1_000_000), $"Record {load.Name}");
                break;
        }
    }

    public override Rendered Render() => Html($"""
        <div>
          FormComponent (c1)
          {(_record is { } record ? Html($"<div>{Component<Issue3169CoreComponent>("core", new { Current = record })}</div>") : Html($""))}
          <hr>
        </div>
        """);
}
