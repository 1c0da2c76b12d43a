using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.TestApp.Parity.IssuesA;

/// <summary>The inner component of <see cref="Issue3169Live"/>: the record's name in three inputs at three depths of nested templates.</summary>
public sealed class Issue3169ColumnComponent : LiveComponent
{
    public string Name { get; set; } = "";

    public override Rendered Render() => Html($"""
        <div>
          FormColumn (c3) <input type="text" value="{Name}">
          {Input(Name)}
          {Note("foo")}
        </div>
        """);

    private static Rendered Input(string value) => Html($"""
        <div>
          {value}
          <input type="text" value="{value}">
          {InputTwo(value)}
        </div>
        """);

    private static Rendered InputTwo(string value) => Html($"""
        <div>
          {value}
          <input type="text" value="{value}">
        </div>
        """);

    private static Rendered Note(string text) => Html($"This is a test! {text}");
}
