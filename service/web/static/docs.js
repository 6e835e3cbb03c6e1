// Swagger UI over the service's own contract; "Try it out" calls this same origin.
window.addEventListener("DOMContentLoaded", () => {
  window.SwaggerUIBundle({
    url: "/openapi.yaml",
    dom_id: "#swagger-ui",
    deepLinking: true,
    tryItOutEnabled: true,
    supportedSubmitMethods: ["get", "post"],
    validatorUrl: null,
  });
});
