// Runs the sample plus the test views as a process of its own, for tests that kill and restart the server.
using Rekindle.Redis;

var app = Ballots.BallotsApp.Build(args, configure: builder =>
{
    if (builder.Configuration["Redis:Connection"] is { Length: > 0 } redis)
    {
        builder.Services.AddRekindle().AddRedis(redis);
    }
}, mapMore: Rekindle.TestApp.TestViews.Map);
app.Run();
