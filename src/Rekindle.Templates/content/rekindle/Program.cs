using RekindleApp;

var app = AppHost.Build(args);
app.Run();
