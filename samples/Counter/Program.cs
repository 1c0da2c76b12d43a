using Counter;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRekindle();
var app = builder.Build();
app.MapLiveView<CounterLive>("/");
app.Run();
