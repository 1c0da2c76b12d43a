namespace Rekindle.TestApp.Parity.IssuesB;

/// <summary>
/// The hooks of the issue views that need their own JavaScript, put in the page's head by the root
/// layout of their route group (<see cref="IssuesBViews"/>), before the client starts. Each writes
/// what it saw to <c>window</c> for the tests to read.
/// </summary>
public static class IssuesBScript
{
    public const string Tag = """
        <script>
          window.Rekindle = window.Rekindle || {};
          window.Rekindle.hooks = window.Rekindle.hooks || {};
          window.issue3530Log = [];
          window.Rekindle.hooks.Issue3530Hook = {
            mounted() { window.issue3530Log.push(`${this.el.id} mounted`); },
            destroyed() { window.issue3530Log.push(`${this.el.id} destroyed`); },
          };
          window.issue3651Alive = [];
          window.issue3651GhostHandlers = 0;
          window.Rekindle.hooks.Issue3651Outer = {
            mounted() { this.pushEvent("lol"); },
          };
          window.Rekindle.hooks.Issue3651Inner = {
            mounted() {
              window.issue3651Alive.push(this.el.id);
              this.handleEvent("myevent", () => {
                // A hook still handling events after its element left the page is a ghost.
                if (!this.el.isConnected) window.issue3651GhostHandlers++;
                setTimeout(() => this.pushEvent("reload", {}), 50);
              });
            },
            destroyed() {
              document.getElementById("notice").innerHTML = "";
              window.issue3651Alive = window.issue3651Alive.filter((id) => id !== this.el.id);
            },
          };
          window.Rekindle.hooks.PagePositionNotifier = {
            mounted() { this.pushEvent("page_position_update", {}); },
          };
          window.Rekindle.hooks.Issue3647Upload = {
            mounted() {
              this.el.addEventListener("click", () => {
                const fillBefore = "before" in this.el.dataset;
                if (fillBefore) this.fillInput();
                const input = document.querySelector("input[type=file]");
                this.uploadTo(input.form, input.name, [new File(["x".repeat(1024 * 1024)], "1mb_of_x.txt", { type: "text/plain" })]);
                if (!fillBefore) this.fillInput();
              });
            },
            fillInput() {
              const input = document.querySelector("input[type=text]");
              input.value = input.value + input.value.length;
              input.dispatchEvent(new Event("input", { bubbles: true }));
            },
          };
        </script>
        """;
}
