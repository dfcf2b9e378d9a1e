<?xml version="1.0" encoding="UTF-8"?>
<!--
  A CEB900 format-validation receipt to one canonical Response. The message it answers is named by
  its copMsgId (RefersTo/MessageId) and its type (a MESSAGE_TYPE reference, kept as written; for a
  CEB type also RefersTo/Format, e.g. CEB311Message: ceb311); the message itself, returned as text,
  is kept in OriginalMessage. returnInfo (up to 5000 characters) is the Response's Message.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ceb="http://www.chinaport.gov.cn/ceb"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:r="urn:wco-ecom-adapter:ceb-receipt"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../ceb-common/ceb-receipt.xsl"/>

  <xsl:variable name="r:root" select="'CEB900Message'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="ceb:CEB900Message/ceb:MessageReturn"/>
  </xsl:template>

  <xsl:template match="ceb:MessageReturn">
    <xsl:variable name="t" select="string(ceb:returnTime)"/>
    <xsl:variable name="iso" select="replace($t, '^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$', '$1-$2-$3T$4:$5:$6.$7+08:00')"/>
    <xsl:if test="not($iso castable as xs:dateTime)">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'returnTime &quot;' || $t || '&quot; is not a time of the form YYYYMMDDhhmmssSSS', ceb:returnTime)"/>
    </xsl:if>
    <xsl:variable name="type" select="string(ceb:oriMessageType)"/>
    <xsl:document>
      <c:Response>
        <c:ResponseId><xsl:value-of select="ceb:guid"/></c:ResponseId>
        <c:IssueDateTime><xsl:value-of select="$iso"/></c:IssueDateTime>
        <c:Source>
          <c:Partner><xsl:value-of select="($partner[.], 'customs')[1]"/></c:Partner>
          <c:Format>ceb900</c:Format>
          <c:MessageId><xsl:value-of select="../@guid"/></c:MessageId>
          <c:MessageVersion><xsl:value-of select="../@version"/></c:MessageVersion>
          <c:RecordIndex>1</c:RecordIndex>
          <xsl:if test="$channel"><c:Channel><xsl:value-of select="$channel"/></c:Channel></xsl:if>
          <xsl:if test="exists($received-at)"><c:ReceivedAt><xsl:value-of select="$received-at"/></c:ReceivedAt></xsl:if>
        </c:Source>
        <c:RefersTo>
          <xsl:if test="matches($type, '^CEB[0-9]{3}Message$')"><c:Format><xsl:value-of select="lower-case(substring($type, 1, 6))"/></c:Format></xsl:if>
          <xsl:for-each select="ceb:oriCopMsgId[string()]"><c:MessageId><xsl:value-of select="."/></c:MessageId></xsl:for-each>
          <xsl:sequence select="r:ref('MESSAGE_TYPE', ceb:oriMessageType)"/>
        </c:RefersTo>
        <c:Outcome><xsl:value-of select="r:outcome(ceb:returnStatus)"/></c:Outcome>
        <c:StatusCode scheme="CEB-RETURN-STATUS"><xsl:value-of select="normalize-space(ceb:returnStatus)"/></c:StatusCode>
        <xsl:for-each select="ceb:returnInfo[string()]"><c:Message><xsl:value-of select="."/></c:Message></xsl:for-each>
        <xsl:for-each select="ceb:oriBizMessage[string()]"><c:OriginalMessage><xsl:value-of select="."/></c:OriginalMessage></xsl:for-each>
      </c:Response>
    </xsl:document>
  </xsl:template>
</xsl:stylesheet>
