using Ballots;

var app = BallotsApp.Build(args);
app.Run();
