using System.Net;
using CsCheck;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Rendering;

/// <summary>Random strings in text and quoted-attribute holes never produce markup.</summary>
public sealed class EscapingPropertyTests : LiveTemplate
{
    public override Rendered Render() => Html($"<p></p>");

    [Fact]
    public void Holes_RandomStrings_NeverProduceMarkupAndDecodeBack()
    {
        Gen.String.Sample(value =>
        {
            var html = Html($"<p title=\"{value}\">{value}</p>").ToString();
            var title = html["<p title=\"".Length..html.IndexOf("\">", StringComparison.Ordinal)];
            var text = html[(html.IndexOf("\">", StringComparison.Ordinal) + 2)..^"</p>".Length];

            foreach (var part in new[] { title, text })
            {
                Assert.DoesNotContain('<', part);
                Assert.DoesNotContain('>', part);
                Assert.DoesNotContain('"', part);
                Assert.DoesNotContain('\'', part);
                Assert.Equal(value, WebUtility.HtmlDecode(part));
            }
        }, iter: 20_000);
    }
}
