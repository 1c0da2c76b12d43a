// Runs the sample plus the test views as a process of its own, for tests that kill and restart the server.
var app = Ballots.BallotsApp.Build(args, Rekindle.TestApp.TestViews.Configure, Rekindle.TestApp.TestViews.Map);
app.Run();
