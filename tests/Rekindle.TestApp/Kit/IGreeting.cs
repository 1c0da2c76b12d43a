namespace Rekindle.TestApp.Kit;

/// <summary>A service tests replace to show per-test service overrides.</summary>
public interface IGreeting
{
    string Greet(string user);
}
