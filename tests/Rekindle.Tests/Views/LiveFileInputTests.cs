using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Views;

public sealed class LiveFileInputTests : LiveView
{
    public override Rendered Render() => Html($"<p>unused</p>");

    [Fact]
    public void LiveFileInput_ExtraAttributes_FollowTheUploadsOwnAndAcceptReplacesTheUploads()
    {
        var upload = AllowUpload("photo", accept: ".png", maxEntries: 2);

        var html = LiveFileInput(upload, Attr("class", "picker"), Attr("accept", "image/*"), Attr("data-kind", "a\"b"), Attr("required", true)).ToString();

        Assert.Equal(
            $"""<input id="{upload.Ref}" type="file" name="photo" data-phx-hook="Phoenix.LiveFileUpload" data-phx-upload-ref="{upload.Ref}" data-phx-active-refs="" data-phx-done-refs="" data-phx-preflighted-refs="" multiple class="picker" accept="image/*" data-kind="a&quot;b" required>""",
            html);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("Name")]
    [InlineData("type")]
    [InlineData("multiple")]
    [InlineData("data-phx-upload-ref")]
    public void LiveFileInput_AnAttributeTheUploadSets_IsRefused(string name)
    {
        var upload = AllowUpload("photo");

        var error = Assert.Throws<ArgumentException>(() => LiveFileInput(upload, Attr(name, "x")));

        Assert.Contains($"'{name}'", error.Message);
    }
}
