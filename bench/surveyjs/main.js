// The SurveyJS side of the cold-start benchmark: the built-in Samenscan enquête, converted by
// bench/surveyjs-convert.mjs (survey-json.js sets window.SAMENSCAN_SURVEY), rendered with the
// framework-free survey-js-ui, as SurveyJS's own "get started" page does it.
const survey = new Survey.Model(window.SAMENSCAN_SURVEY);
survey.locale = "nl";
survey.render(document.getElementById("survey"));
