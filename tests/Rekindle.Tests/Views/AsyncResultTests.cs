using Rekindle.Views;

namespace Rekindle.Tests.Views;

public sealed class AsyncResultTests
{
    [Fact]
    public void Reloading_AfterAValue_KeepsTheValueAndStaysOk()
    {
        var reloading = AsyncResult<string>.Ok("acme").Reloading();

        Assert.True(reloading.IsLoading);
        Assert.True(reloading.IsOk);
        Assert.Equal("acme", reloading.Value);
    }

    [Fact]
    public void WithFailure_WhileReloading_KeepsTheLastValueAndNamesTheReason()
    {
        var failed = AsyncResult<string>.Ok("acme").Reloading().WithFailure("down");

        Assert.False(failed.IsLoading);
        Assert.True(failed.IsOk);
        Assert.Equal("acme", failed.Value);
        Assert.Equal("down", failed.Failure);
    }

    [Fact]
    public void Reloading_AfterAFailure_ClearsTheFailure()
    {
        var reloading = AsyncResult<int>.Failed("down").Reloading();

        Assert.True(reloading.IsLoading);
        Assert.False(reloading.IsOk);
        Assert.Null(reloading.Failure);
    }
}
