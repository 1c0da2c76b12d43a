using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ballots;

/// <summary>Writes a health report as plain text, one check a line, so an operator (or nginx's log) sees which check failed and why.</summary>
public static class HealthReportText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            text.Append(name).Append(": ").Append(entry.Status).Append(" (").Append(entry.Description).Append(")\n");
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
