use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    html! {
        <main class="app" data-testid="app-ready">
            <header class="app-header"><h1>{ "Sunset Planner" }</h1></header>
        </main>
    }
}
