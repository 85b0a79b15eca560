// Sets the dashboard page's <html lang> to the language the app passes (dashboard/views/language.py).
//
// Streamlit serves this file from the app's own origin (a v1 component declared from a local
// directory) into a sandboxed iframe with allow-same-origin, so the page around it is reachable as
// window.parent.document. It speaks the v1 component protocol by hand (a few postMessage calls):
// "ready", then every "render" carries the rerun's arguments. Only a language code, checked
// against a pattern, is ever written, and as an attribute, never as HTML.
(function () {
    "use strict";
    var CODE = /^[a-z]{2,3}$/;
    var origin = window.location.origin;

    function tell(type, fields) {
        var message = { isStreamlitMessage: true, type: type };
        Object.keys(fields).forEach(function (name) { message[name] = fields[name]; });
        window.parent.postMessage(message, origin);
    }

    window.addEventListener("message", function (event) {
        if (event.source !== window.parent || event.origin !== origin) { return; }
        var data = event.data;
        if (!data || data.type !== "streamlit:render") { return; }
        var code = data.args && data.args.lang;
        if (typeof code === "string" && CODE.test(code)) {
            window.parent.document.documentElement.lang = code;
        }
        tell("streamlit:setFrameHeight", { height: 0 });
    });
    tell("streamlit:componentReady", { apiVersion: 1 });
}());
