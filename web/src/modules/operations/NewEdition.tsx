import { useEffect, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import type { CombinedError } from 'urql';
import { formatProblem, type Problem } from '@ksp/shared/formats/problems';
import { useMe } from '../../app/session/useMe';
import { NoAccess } from '../../app/NoAccess';
import { badInputMessage } from '../../app/errors';
import { useEditions } from '../result-list/hooks/useEditions';
import { CreateEditionDocument } from './graphql';
import { operationsPath } from './paths';

/** The problems an uploaded questionnaire has, as the importer lists them (`extensions.problems`). */
function fileProblems(error: CombinedError | undefined): Problem[] {
  return (
    error?.graphQLErrors.flatMap((g) => (Array.isArray(g.extensions?.['problems']) ? (g.extensions['problems'] as Problem[]) : [])) ?? []
  );
}

/** Staff: the editions, each opening its operations, and a new edition from a questionnaire file or a copy of an earlier one. */
export default function NewEdition() {
  const { t } = useTranslation();
  const { me } = useMe();
  const { editions } = useEditions();
  const navigate = useNavigate();
  const fileId = useId();
  const copyId = useId();
  const yearId = useId();
  const nameId = useId();
  const [fromFile, createFromFile] = useMutation(CreateEditionDocument);
  const [fromCopy, createFromCopy] = useMutation(CreateEditionDocument);
  const [file, setFile] = useState<File | null>(null);
  const [copyFrom, setCopyFrom] = useState('');
  const [year, setYear] = useState('');
  const [name, setName] = useState('');
  const newest = editions?.[0]?.year;
  const source = copyFrom || (newest ? String(newest) : '');

  useEffect(() => {
    document.title = `${t('operations.new.heading')} – KSP`;
  }, [t]);

  if (me === undefined) return null;
  if (me?.role !== 'STAFF') return <NoAccess signedIn={!!me} />;

  const uploaded = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    const result = await createFromFile({ input: { questionnaire: await file.text() } });
    if (result.data) void navigate(operationsPath(result.data.createEdition.year));
  };
  const copied = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = {
      copyFrom: Number(source),
      ...(year.trim() ? { year: Number(year) } : {}),
      ...(name.trim() ? { name: name.trim() } : {}),
    };
    const result = await createFromCopy({ input });
    if (result.data) void navigate(operationsPath(result.data.createEdition.year));
  };
  const problems = fileProblems(fromFile.error);

  return (
    <section aria-labelledby="new-edition-heading" className="operations">
      <h1 id="new-edition-heading">{t('operations.new.editions')}</h1>
      <ul className="operations__editions">
        {editions?.map((e) => (
          <li key={e.year}>
            <Link to={operationsPath(e.year)}>{e.name}</Link> ({t(`operations.status.name.${e.status}`)})
          </li>
        ))}
      </ul>

      <h2>{t('operations.new.heading')}</h2>
      <form onSubmit={(e) => void uploaded(e)} className="operations__form">
        <h3>{t('operations.new.fromFile')}</h3>
        <div className="field">
          <label htmlFor={fileId}>{t('operations.new.file')}</label>
          <input id={fileId} type="file" accept=".json,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button" disabled={!file || fromFile.fetching}>
          {t('operations.new.create')}
        </button>
        {fromFile.error && (
          <div className="notice notice--error" role="alert">
            <p>{badInputMessage(fromFile.error) || t('errors.generic')}</p>
            {problems.length > 0 && (
              <ul>
                {problems.map((p, i) => (
                  <li key={i}>{formatProblem(p)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>

      <form onSubmit={(e) => void copied(e)} className="operations__form">
        <h3>{t('operations.new.fromCopy')}</h3>
        <div className="filters">
          <div className="field">
            <label htmlFor={copyId}>{t('operations.new.copyFrom')}</label>
            <select id={copyId} value={source} onChange={(e) => setCopyFrom(e.target.value)}>
              {editions?.map((e) => (
                <option key={e.year} value={String(e.year)}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={yearId}>{t('operations.new.year')}</label>
            <input
              id={yearId}
              type="text"
              inputMode="numeric"
              value={year}
              placeholder={source ? String(Number(source) + 1) : ''}
              onChange={(e) => setYear(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={nameId}>{t('operations.new.name')}</label>
            <input id={nameId} type="text" value={name} onChange={(e) => setName(e.target.value)} />
          </div>
        </div>
        <button type="submit" className="button" disabled={!source || fromCopy.fetching}>
          {t('operations.new.copy')}
        </button>
        {fromCopy.error && (
          <p className="notice notice--error" role="alert">
            {badInputMessage(fromCopy.error) || t('errors.generic')}
          </p>
        )}
      </form>
    </section>
  );
}
