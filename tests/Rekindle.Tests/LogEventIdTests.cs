using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Rekindle.Tests;

public sealed class LogEventIdTests
{
    [Fact]
    public void LoggerMessages_HaveUniqueEventIdsInTheirLayerRange()
    {
        var messages = typeof(Rekindle.Views.LiveView).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(method => (method, attribute: method.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(pair => pair.attribute is not null)
            .ToList();

        Assert.NotEmpty(messages);
        var duplicates = messages.GroupBy(pair => pair.attribute!.EventId).Where(group => group.Count() > 1).Select(group => group.Key).ToList();
        Assert.Empty(duplicates);
        var ranges = new Dictionary<string, int> { ["Transport"] = 1000, ["Runtime"] = 2000, ["Rendering"] = 3000, ["Recovery"] = 4000, ["PubSub"] = 5000, ["Hosting"] = 6000 };
        foreach (var (method, attribute) in messages)
        {
            var layer = method.DeclaringType!.Namespace!.Split('.')[1];
            Assert.True(attribute!.EventId / 1000 * 1000 == ranges[layer], $"{method.DeclaringType.FullName}.{method.Name} has id {attribute.EventId}, outside the {layer} range");
        }
    }
}
