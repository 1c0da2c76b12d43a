namespace Rekindle.Browser.Tests;

/// <summary>A browser and an in-process host whose sockets may queue only 64 KiB of outbound frames.</summary>
public sealed class OutboxCapBrowserFixture() : HostArgumentsBrowserFixture("--Rekindle:Transport:MaxOutboxBytes", "65536");
