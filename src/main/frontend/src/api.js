// JSON calls to our endpoints with the page's CSRF token; problem details become an ApiError.
const token = () => document.querySelector('meta[name="_csrf"]')?.content;
const header = () => document.querySelector('meta[name="_csrf_header"]')?.content || 'X-CSRF-TOKEN';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

export async function api(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET') headers[header()] = token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (response.status === 401) {
    window.location.assign('/manager/login');
    throw new ApiError(401, { detail: 'not logged in' });
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/** An element with text (never HTML), attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  });
  children.flat().forEach((child) => {
    if (child === null || child === undefined) return;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return element;
}
