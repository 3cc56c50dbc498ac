import { render } from "preact";
import { App } from "./app";
import "./styles.css";

render(<App />, document.getElementById("app")!);
// First render of the app (read by bench/control-ui.sh through Chromium's performance timeline).
performance.mark("sharpclaw:first-render");
