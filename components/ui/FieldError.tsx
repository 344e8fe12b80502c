/** The red message beside a field that says what is wrong; "Error:" is read out but not shown. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="mt-1 font-bold text-danger dark:text-danger-on-dark">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}
