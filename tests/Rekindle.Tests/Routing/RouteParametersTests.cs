using Microsoft.AspNetCore.Routing;
using Rekindle.Routing;

namespace Rekindle.Tests.Routing;

public sealed class RouteParametersTests
{
    [Fact]
    public void From_QueryWithNamesDifferingInCase_KeepsBothAndRouteValuesWin()
    {
        var parameters = RouteParameters.From(new RouteValueDictionary { ["id"] = 7 }, "?page=2&Page=3&id=forged&tag=a&tag=b");

        Assert.Equal("2", parameters["page"]);
        Assert.Equal("3", parameters["Page"]);
        Assert.Equal("7", parameters["id"]);
        Assert.Equal("b", parameters["tag"]);
    }
}
