using System.Text.Json.Nodes;

namespace Rekindle.Protocol.Tests;

/// <summary>Stateful components on the wire (docs/protocol.md §4.5, §9), on the seed page.</summary>
public sealed class ComponentTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private async Task<(PhoenixClient Client, string JoinRef, JsonNode Rendered)> JoinSeedAsync()
    {
        var client = await PhoenixClient.ConnectAsync(fixture.Host.BaseAddress, "/seed");
        var (joinRef, reply) = await client.JoinAsync(new JsonObject { ["seed_param"] = "from-test" });
        Assert.Equal("ok", reply["status"]!.GetValue<string>());
        return (client, joinRef, reply["response"]!["rendered"]!);
    }

    private static JsonObject Form(string eventName, string value, int cid) => new()
    {
        ["type"] = "form",
        ["event"] = eventName,
        ["value"] = value,
        ["meta"] = new JsonObject { ["_target"] = "choice" },
        ["uploads"] = new JsonObject(),
        ["cid"] = cid,
    };

    [Fact]
    public async Task Join_SeedPage_SendsEachComponentInFullWithRootFlag()
    {
        var (client, _, rendered) = await JoinSeedAsync();
        await using var _ = client;

        var components = rendered["c"]!.AsObject();
        Assert.Equal(["1", "2", "3"], components.Select(pair => pair.Key));
        foreach (var (_, component) in components)
        {
            Assert.Equal(1, component!["r"]!.GetValue<int>());
            Assert.StartsWith("<div id=\"ballot-box-", component["s"]![0]!.GetValue<string>().TrimStart());
        }
        var list = rendered["2"]!["k"]!;
        Assert.Equal(1, list["0"]!["0"]!.GetValue<int>());
        Assert.Equal(3, list["2"]!["0"]!.GetValue<int>());
        Assert.Contains("seed_param=from-test mounts=0", rendered["1"]!.GetValue<string>());
    }

    [Fact]
    public async Task ComponentEvent_RepliesWithAComponentOnlyDiff()
    {
        var (client, joinRef, _) = await JoinSeedAsync();
        await using var _ = client;

        var reply = await client.PushAsync(joinRef, "event", Form("change_event", "choice=Sushi", cid: 1));

        var diff = reply["response"]!["diff"]!.AsObject();
        Assert.Equal(["c"], diff.Select(pair => pair.Key));
        Assert.Equal("Sushi", diff["c"]!["1"]!["8"]!.GetValue<string>());
    }

    [Fact]
    public async Task ComponentSubmit_PushesTheEventToTheClient()
    {
        var (client, joinRef, _) = await JoinSeedAsync();
        await using var _ = client;

        var reply = await client.PushAsync(joinRef, "event", Form("submit", "choice=Dog", cid: 3));

        var events = reply["response"]!["diff"]!["e"]!.ToJsonString();
        Assert.Equal("""[["selection_submitted",{"ballot":"pet","choice":"Dog"}]]""", events);
    }

    [Fact]
    public async Task HookPushEvent_ViewSendsUpdatesAndReplies()
    {
        var (client, joinRef, _) = await JoinSeedAsync();
        await using var _ = client;

        var reply = await client.PushAsync(joinRef, "event", new JsonObject
        {
            ["type"] = "hook",
            ["event"] = "restore_saved_state",
            ["value"] = new JsonObject { ["saved"] = new JsonObject { ["color"] = "Blue", ["nope"] = "x" } },
        });

        var diff = reply["response"]!["diff"]!;
        Assert.Equal("""{"restored":1}""", diff["r"]!.ToJsonString());
        Assert.Equal("submitted: Blue", diff["c"]!["2"]!["10"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventForUnknownCid_RepliesOkWithoutDiff()
    {
        var (client, joinRef, _) = await JoinSeedAsync();
        await using var _ = client;

        var reply = await client.PushAsync(joinRef, "event", Form("change_event", "choice=Sushi", cid: 99));

        Assert.Equal("""{"status":"ok","response":{}}""", reply.ToJsonString());
    }

    [Fact]
    public async Task CidsDestroyed_DeletesOnlyMarkedComponents()
    {
        var (client, joinRef, _) = await JoinSeedAsync();
        await using var _ = client;

        var willDestroy = await client.PushAsync(joinRef, "cids_will_destroy", new JsonObject { ["cids"] = new JsonArray(2) });
        var destroyed = await client.PushAsync(joinRef, "cids_destroyed", new JsonObject { ["cids"] = new JsonArray(2, 3) });
        var afterDelete = await client.PushAsync(joinRef, "event", Form("change_event", "choice=Red", cid: 2));

        Assert.Equal("""{"status":"ok","response":{}}""", willDestroy.ToJsonString());
        Assert.Equal("""{"status":"ok","response":{"cids":[2]}}""", destroyed.ToJsonString());
        Assert.Equal("""{"status":"ok","response":{}}""", afterDelete.ToJsonString());
    }

    [Fact]
    public async Task MarkedComponentRenderedAgain_IsSentInFull()
    {
        var (client, joinRef, _) = await JoinSeedAsync();
        await using var _ = client;

        await client.PushAsync(joinRef, "cids_will_destroy", new JsonObject { ["cids"] = new JsonArray(1) });
        var reply = await client.PushAsync(joinRef, "event", new JsonObject
        {
            ["type"] = "form",
            ["event"] = "note_changed",
            ["value"] = "note=hi",
            ["meta"] = new JsonObject { ["_target"] = "note" },
        });

        var component = reply["response"]!["diff"]!["c"]!["1"]!;
        Assert.Equal(1, component["r"]!.GetValue<int>());
        Assert.NotNull(component["s"]);
    }
}
