import { Button, Result } from 'antd';
import { Link } from 'react-router';

interface NotFoundProps {
  title: string;
  body: string;
  /** Where the button leads: somewhere that surely exists. */
  backTo: string;
  backLabel: string;
}

/** What a page shows for something that is not there (an unknown address, a record out of reach). */
export function NotFound({ title, body, backTo, backLabel }: NotFoundProps) {
  return (
    <div className="page">
      <Result
        status="404"
        title={title}
        subTitle={body}
        extra={
          <Link to={backTo}>
            <Button type="primary">{backLabel}</Button>
          </Link>
        }
      />
    </div>
  );
}
