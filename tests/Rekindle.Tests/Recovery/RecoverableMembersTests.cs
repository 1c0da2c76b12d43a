using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Rekindle.Recovery;
using Rekindle.Rendering;
using Rekindle.Views;

namespace Rekindle.Tests.Recovery;

public sealed class RecoverableMembersTests
{
    public sealed record Address(string Street, int Number);

    private sealed class VersionOne : LiveView
    {
        [Recoverable] public int Count { get; set; }

        [Recoverable] public string Name { get; set; } = "";

        [Recoverable] private List<Address> _addresses = [];

        public List<Address> Addresses { get => _addresses; set => _addresses = value; }

        public override Rendered Render() => Html($"<p>{Count}</p>");
    }

    private sealed class VersionTwo : LiveView
    {
        [Recoverable] public int Count { get; set; }

        [Recoverable] public int Name { get; set; }

        [Recoverable] public bool Added { get; set; }

        public override Rendered Render() => Html($"<p>{Count}</p>");
    }

    private sealed class Unserializable : LiveView
    {
        [Recoverable] public object Anything { get; set; } = new();

        public override Rendered Render() => Html($"<p></p>");
    }

    private sealed class ReadOnlyField : LiveView
    {
        [Recoverable] private readonly int _count = 0;

        public override Rendered Render() => Html($"<p>{_count}</p>");
    }

    [Fact]
    public void CaptureThenApply_SameType_RestoresEveryMember()
    {
        var members = RecoverableMembers.Of(typeof(VersionOne));
        var source = new VersionOne { Count = 3, Name = "Ada", Addresses = [new("Main", 1)] };

        var state = members.Capture(source);
        var target = new VersionOne();
        var dropped = members.Apply(target, state, members.Schema, members.MemberTypes());

        Assert.Empty(dropped);
        Assert.Equal((3, "Ada"), (target.Count, target.Name));
        Assert.Equal([new Address("Main", 1)], target.Addresses);
    }

    [Fact]
    public void Apply_AfterSchemaChange_RestoresMatchingMembersAndReportsTheRest()
    {
        var before = RecoverableMembers.Of(typeof(VersionOne));
        var state = before.Capture(new VersionOne { Count = 7, Name = "Ada" });

        var after = RecoverableMembers.Of(typeof(VersionTwo));
        var target = new VersionTwo();
        var dropped = after.Apply(target, state, before.Schema, before.MemberTypes());

        Assert.Equal(7, target.Count);
        Assert.Equal(0, target.Name);
        Assert.Equal(["Name", "_addresses"], dropped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Of_MemberTypeThatCannotRoundTrip_IsAnErrorNamingTheMember()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RecoverableMembers.Of(typeof(Unserializable)));

        Assert.Contains("Unserializable.Anything", error.Message);
    }

    [Fact]
    public void Of_ReadonlyField_IsAnErrorNamingTheMember()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RecoverableMembers.Of(typeof(ReadOnlyField)));

        Assert.Contains("ReadOnlyField._count is readonly", error.Message);
    }

    [Fact]
    public void CaptureApply_RoundTripsAnyValues_ThroughJson()
    {
        var members = RecoverableMembers.Of(typeof(VersionOne));
        var addresses = Gen.Select(Gen.String, Gen.Int, (street, number) => new Address(street, number)).List[0, 5];
        Gen.Select(Gen.Int, Gen.String, addresses).Sample((count, name, list) =>
        {
            var state = members.Capture(new VersionOne { Count = count, Name = name, Addresses = list });
            var json = JsonSerializer.Serialize(state, WireJson.PayloadOptions);
            var target = new VersionOne();
            members.Apply(target, JsonNode.Parse(json)!.AsObject(), members.Schema, members.MemberTypes());
            Assert.Equal((count, name), (target.Count, target.Name));
            Assert.Equal(list, target.Addresses);
        }, iter: 500);
    }
}
