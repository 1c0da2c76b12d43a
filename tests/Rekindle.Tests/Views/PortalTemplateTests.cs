using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Views;

public sealed class PortalTemplateTests : LiveView
{
    public override Rendered Render() => Html($"<p>unused</p>");

    [Fact]
    public void Portal_IsATemplateNamingItsTarget_AroundTheContent()
    {
        var html = Portal("p1", "#layer", Html($"<div id=\"d\">{"<x>"}</div>")).ToString();

        Assert.Equal("""<template id="p1" data-phx-portal="#layer"><div id="d">&lt;x&gt;</div></template>""", html);
    }

    [Fact]
    public void Portal_WithoutAnIdOrATarget_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Portal("", "body", Html($"<div id=\"d\"></div>")));
        Assert.Throws<ArgumentException>(() => Portal("p1", "", Html($"<div id=\"d\"></div>")));
    }
}
