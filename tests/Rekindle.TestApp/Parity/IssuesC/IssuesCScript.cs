namespace Rekindle.TestApp.Parity.IssuesC;

/// <summary>
/// The hooks and custom elements of the upstream issue views under <c>/test/parity/issue-NNNN</c> (4066,
/// 4088, 4209, 4212, 4323, 4325, 4334), loaded by <see cref="IssuesCViews"/>' root layout before the client.
/// </summary>
public static class IssuesCScript
{
    public const string Path = "/test/parity/issues-c.js";
    public const string Tag = $"<script src=\"{Path}\"></script>";

    public const string Source = """
        (() => {
          window.Rekindle = window.Rekindle || {};
          const hooks = (window.Rekindle.hooks = window.Rekindle.hooks || {});
          // 4066: typing arms window.issue4066Push, which pushes to the component once the test calls it.
          hooks.Issue4066Input = {
            mounted() {
              this.el.addEventListener("input", () => {
                window.issue4066Push = () => {
                  this.pushEventTo(this.el, "do-something", { value: 100 });
                  this.liveSocket.js().setAttribute(document.body, "data-pushed", "yes");
                };
              });
            },
          };
          // 4088: three events to the component as soon as its element mounts.
          hooks.Issue4088Burst = {
            mounted() {
              for (let i = 0; i < 3; i++) this.pushEventTo(this.el, "my_update", {});
            },
          };
          // 4209: the panel's button pushes to the nested view, which locks the panel until it answers.
          hooks.Issue4209LockedPanel = {
            mounted() {
              this.el.querySelector("#start-locked-update").addEventListener("click", () => this.pushEventTo("#slow-target-child", "hold-lock", {}));
            },
          };
          // 4325: sets the element's id to the id it already has.
          window.issue4325Lifecycle = { mounted: 0, updated: 0, destroyed: 0 };
          hooks.IdPassthrough = {
            mounted() {
              window.issue4325Lifecycle.mounted++;
              this.js().setAttribute(this.el, "id", this.el.id);
            },
            updated() { window.issue4325Lifecycle.updated++; },
            destroyed() { window.issue4325Lifecycle.destroyed++; },
          };
          // 4334: records each mount of the component's root.
          window.issue4334Mounts = [];
          hooks.RootChange = { mounted() { window.issue4334Mounts.push(this.el.id); } };
          // 4212: a custom element logging its connects, disconnects and atomic moves.
          window.lvCustomElLog = [];
          customElements.define("lv-custom-el", class extends HTMLElement {
            connectedCallback() { window.lvCustomElLog.push({ type: "connected", id: this.id }); }
            disconnectedCallback() { window.lvCustomElLog.push({ type: "disconnected", id: this.id }); }
            connectedMoveCallback() { window.lvCustomElLog.push({ type: "moved", id: this.id }); }
          });
          // 4323: form-associated custom elements, one delegating its focus to a shadow input.
          customElements.define("issue-4323-face", class extends HTMLElement {
            static formAssociated = true;
            constructor() { super(); this.attachInternals(); }
          });
          customElements.define("issue-4323-delegates-face", class extends HTMLElement {
            static formAssociated = true;
            constructor() {
              super();
              this.attachInternals();
              this.attachShadow({ mode: "open", delegatesFocus: true });
              this.shadowRoot.innerHTML = '<input type="text"><slot></slot>';
            }
          });
        })();
        """;
}
