using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Rekindle.Tests;

public sealed class LogEventIdTests
{
    /// <summary>
    /// The hundreds each folder may use. Ids are what log queries and alerts select on, so code that
    /// moved keeps its ids: the upload slice its transport (1800s) and runtime (2800s) ones, the view
    /// recorder its recovery ones (4100s), the flash tokens their hosting ones (6700s).
    /// </summary>
    private static readonly Dictionary<string, int[]> Ranges = new()
    {
        ["Transport"] = Thousand(1000),
        ["Runtime"] = [.. Thousand(2000), 4100, 6700],
        ["Rendering"] = Thousand(3000),
        ["Recovery"] = Thousand(4000),
        ["PubSub"] = Thousand(5000),
        ["Hosting"] = Thousand(6000),
        ["Uploads"] = [1800, 2800],
    };

    private static int[] Thousand(int start) => [.. Enumerable.Range(0, 10).Select(hundred => start + hundred * 100)];

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
        foreach (var (method, attribute) in messages)
        {
            var layer = method.DeclaringType!.Namespace!.Split('.')[1];
            Assert.True(Ranges.TryGetValue(layer, out var ranges), $"{method.DeclaringType.FullName}.{method.Name} logs from {layer}, which has no id range here");
            Assert.True(ranges.Contains(attribute!.EventId / 100 * 100), $"{method.DeclaringType.FullName}.{method.Name} has id {attribute.EventId}, outside the {layer} range");
        }
    }
}
