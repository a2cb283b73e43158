/** What the editor's preview takes from the citizen page, so it shows exactly what citizens get. */
export { CitizenForm } from './CitizenForm';
export { citizenCss } from './styles';
