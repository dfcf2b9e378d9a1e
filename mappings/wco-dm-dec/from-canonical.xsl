<?xml version="1.0" encoding="UTF-8"?>
<!--
  A canonical Declaration to a wco-dm-dec declaration (WCO Data Model 3.6 profile). One message
  holds one declaration: a c:Batch is accepted only when it holds exactly one. What the profile
  cannot say is left out (see README, "Customs-to-customs exchange (SOAP)": what the profile keeps).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns="urn:wco:datamodel:WCO:DEC-DMS:2"
    xmlns:c="urn:wco-ecom-adapter:canonical:1"
    xmlns:wco="urn:wco-ecom-adapter:wco-dm-common"
    xmlns:err="urn:wco-ecom-adapter:errors"
    exclude-result-prefixes="#all">

  <xsl:include href="../wco-dm-common/wco-dm-common.xsl"/>

  <!-- the destination country (GoodsShipment/Destination), when the sender knows where it sends the declaration -->
  <xsl:param name="destination-country" as="xs:string?"/>
  <!-- the functional reference (LRN) to give a declaration that has no LocalReference -->
  <xsl:param name="functional-reference" as="xs:string?"/>

  <xsl:variable name="NS" select="'urn:wco:datamodel:WCO:DEC-DMS:2'"/>

  <xsl:template match="/">
    <xsl:variable name="declarations" select="c:Declaration | c:Batch/c:Declaration"/>
    <xsl:if test="count($declarations) != 1 or exists(c:Batch/*[not(self::c:Declaration)])">
      <xsl:sequence select="error(xs:QName('err:VALUE_INVALID'), 'a WCO DM declaration message carries exactly one canonical Declaration', *)"/>
    </xsl:if>
    <xsl:apply-templates select="$declarations"/>
  </xsl:template>

  <xsl:function name="wco:party" as="element(c:Party)?">
    <xsl:param name="d" as="element(c:Declaration)"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="$d/c:Party[@role = $role][1]"/>
  </xsl:function>

  <xsl:template match="c:Declaration">
    <xsl:variable name="d" select="."/>
    <Declaration>
      <xsl:for-each select="c:DeclarationDate"><xsl:sequence select="wco:date('AcceptanceDateTime', $NS, .)"/></xsl:for-each>
      <FunctionCode><xsl:value-of select="map{'ORIGINAL': '9', 'AMENDMENT': '4', 'CANCELLATION': '1'}(string(c:Header/c:Function))"/></FunctionCode>
      <xsl:for-each select="(c:LocalReference[string()], $functional-reference[.])[1]"><FunctionalReferenceID><xsl:value-of select="."/></FunctionalReferenceID></xsl:for-each>
      <xsl:for-each select="c:CustomsReference[string()][1]"><ID schemeID="{@type}"><xsl:value-of select="."/></ID></xsl:for-each>
      <xsl:for-each select="c:Header/c:IssueDateTime"><xsl:sequence select="wco:date-time('IssueDateTime', $NS, .)"/></xsl:for-each>
      <TypeCode><xsl:value-of select="if (c:TradeDirection = 'IMPORT') then 'IM' else 'EX'"/></TypeCode>
      <GoodsItemQuantity><xsl:value-of select="count(c:GoodsItem)"/></GoodsItemQuantity>
      <xsl:for-each select="c:DeclarationOffice[string()]"><DeclarationOfficeID><xsl:value-of select="."/></DeclarationOfficeID></xsl:for-each>
      <xsl:for-each select="c:InvoiceAmount"><InvoiceAmount currencyID="{@currency}"><xsl:value-of select="."/></InvoiceAmount></xsl:for-each>
      <xsl:for-each select="c:GrossWeight"><TotalGrossMassMeasure unitCode="KGM"><xsl:value-of select="."/></TotalGrossMassMeasure></xsl:for-each>
      <xsl:for-each select="c:PackageCount"><TotalPackageQuantity><xsl:value-of select="."/></TotalPackageQuantity></xsl:for-each>
      <xsl:apply-templates select="wco:party($d, 'SUBMITTER')"><xsl:with-param name="name" select="'Submitter'"/></xsl:apply-templates>
      <xsl:for-each select="c:PaymentTransactionId[string()]"><AdditionalDocument><ID><xsl:value-of select="."/></ID><TypeCode>PAYMENT_TRANSACTION_ID</TypeCode></AdditionalDocument></xsl:for-each>
      <xsl:for-each select="c:AdditionalDocument[string()]"><AdditionalDocument><ID><xsl:value-of select="."/></ID><TypeCode><xsl:value-of select="@type"/></TypeCode></AdditionalDocument></xsl:for-each>
      <xsl:for-each select="wco:party($d, 'PLATFORM')">
        <AdditionalInformation>
          <xsl:for-each select="c:Identifier[1]"><StatementCode><xsl:if test="@scheme != 'UNSPECIFIED'"><xsl:attribute name="listID" select="@scheme"/></xsl:if><xsl:value-of select="."/></StatementCode></xsl:for-each>
          <xsl:for-each select="c:Name[string()]"><StatementDescription><xsl:value-of select="."/></StatementDescription></xsl:for-each>
          <StatementTypeCode>ECP</StatementTypeCode>
        </AdditionalInformation>
      </xsl:for-each>
      <xsl:for-each select="c:Note[string()]"><AdditionalInformation><StatementDescription><xsl:value-of select="."/></StatementDescription><StatementTypeCode>AAI</StatementTypeCode></AdditionalInformation></xsl:for-each>
      <xsl:apply-templates select="wco:party($d, 'REPRESENTATIVE')"><xsl:with-param name="name" select="'Agent'"/></xsl:apply-templates>
      <xsl:variable name="t" select="c:Transport"/>
      <xsl:if test="$t/c:Mode or $t/c:ConveyanceName[string()]">
        <BorderTransportMeans>
          <xsl:for-each select="$t/c:ConveyanceName[string()]"><ID><xsl:value-of select="."/></ID></xsl:for-each>
          <xsl:for-each select="$t/c:Mode"><ModeCode><xsl:for-each select="@scheme"><xsl:attribute name="listID" select="."/></xsl:for-each><xsl:value-of select="."/></ModeCode></xsl:for-each>
        </BorderTransportMeans>
      </xsl:if>
      <xsl:variable name="carrier" select="wco:party($d, 'LOGISTICS_OPERATOR')"/>
      <xsl:if test="$carrier or $t/c:RoutingCountry">
        <Consignment>
          <xsl:apply-templates select="$carrier"><xsl:with-param name="name" select="'Carrier'"/><xsl:with-param name="contact" select="true()"/></xsl:apply-templates>
          <xsl:for-each select="$t/c:RoutingCountry">
            <Itinerary><SequenceNumeric><xsl:value-of select="position()"/></SequenceNumeric><RoutingCountryCode><xsl:value-of select="."/></RoutingCountryCode></Itinerary>
          </xsl:for-each>
        </Consignment>
      </xsl:if>
      <xsl:apply-templates select="wco:party($d, 'DECLARANT')"><xsl:with-param name="name" select="'Declarant'"/><xsl:with-param name="contact" select="true()"/></xsl:apply-templates>
      <GoodsShipment>
        <xsl:apply-templates select="wco:party($d, 'BUYER')"><xsl:with-param name="name" select="'Buyer'"/><xsl:with-param name="contact" select="true()"/></xsl:apply-templates>
        <xsl:variable name="consignee" select="wco:party($d, 'CONSIGNEE')"/>
        <xsl:if test="$consignee or c:DeliveryAddress">
          <Consignee>
            <xsl:for-each select="$consignee/c:Name[string()]"><Name><xsl:value-of select="."/></Name></xsl:for-each>
            <xsl:apply-templates select="$consignee/c:Identifier[1]"/>
            <xsl:apply-templates select="(c:DeliveryAddress, $consignee/c:Address)[1]"/>
          </Consignee>
        </xsl:if>
        <xsl:if test="$t/c:ConveyanceReference[string()] or c:GoodsLocation[string()]">
          <Consignment>
            <xsl:for-each select="$t/c:ConveyanceReference[string()]"><ArrivalTransportMeans><ID><xsl:value-of select="."/></ID></ArrivalTransportMeans></xsl:for-each>
            <xsl:for-each select="c:GoodsLocation[string()]"><GoodsLocation><ID><xsl:value-of select="."/></ID></GoodsLocation></xsl:for-each>
          </Consignment>
        </xsl:if>
        <xsl:apply-templates select="wco:party($d, 'CONSIGNOR')"><xsl:with-param name="name" select="'Consignor'"/></xsl:apply-templates>
        <xsl:if test="c:Freight or c:Insurance">
          <CustomsValuation>
            <xsl:for-each select="c:Freight"><FreightChargeAmount currencyID="{@currency}"><xsl:value-of select="."/></FreightChargeAmount></xsl:for-each>
            <xsl:for-each select="c:Insurance">
              <ChargeDeduction><ChargesTypeCode>INSURANCE</ChargesTypeCode><OtherChargeDeductionAmount currencyID="{@currency}"><xsl:value-of select="."/></OtherChargeDeductionAmount></ChargeDeduction>
            </xsl:for-each>
          </CustomsValuation>
        </xsl:if>
        <xsl:for-each select="$destination-country[.]"><Destination><CountryCode><xsl:value-of select="."/></CountryCode></Destination></xsl:for-each>
        <xsl:for-each select="$t/c:DepartureCountry"><ExportCountry><ID><xsl:value-of select="."/></ID></ExportCountry></xsl:for-each>
        <xsl:apply-templates select="c:GoodsItem"/>
        <xsl:apply-templates select="wco:party($d, 'IMPORTER')"><xsl:with-param name="name" select="'Importer'"/><xsl:with-param name="contact" select="true()"/></xsl:apply-templates>
        <xsl:apply-templates select="wco:party($d, 'PAYER')"><xsl:with-param name="name" select="'Payer'"/></xsl:apply-templates>
        <xsl:for-each select="c:TransportDocument"><PreviousDocument><ID><xsl:value-of select="."/></ID><TypeCode>703</TypeCode></PreviousDocument></xsl:for-each>
        <xsl:for-each select="c:MasterDocument"><PreviousDocument><ID><xsl:value-of select="."/></ID><TypeCode>704</TypeCode></PreviousDocument></xsl:for-each>
        <xsl:apply-templates select="wco:party($d, 'SELLER')"><xsl:with-param name="name" select="'Seller'"/><xsl:with-param name="contact" select="true()"/></xsl:apply-templates>
        <xsl:apply-templates select="wco:party($d, 'GUARANTOR')"><xsl:with-param name="name" select="'Surety'"/></xsl:apply-templates>
        <xsl:for-each select="c:OrderNumber"><UCR><TraderAssignedReferenceID><xsl:value-of select="."/></TraderAssignedReferenceID></UCR></xsl:for-each>
        <xsl:for-each select="wco:party($d, 'WAREHOUSE_KEEPER')/c:Identifier[1]"><Warehouse><xsl:apply-templates select="."/></Warehouse></xsl:for-each>
      </GoodsShipment>
      <xsl:for-each select="c:EntryOffice[string()]"><PresentationOffice><ID><xsl:value-of select="."/></ID></PresentationOffice></xsl:for-each>
    </Declaration>
  </xsl:template>

  <xsl:template match="c:Party">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="contact" as="xs:boolean" select="false()"/>
    <xsl:element name="{$name}" namespace="{$NS}">
      <xsl:for-each select="c:Name[string()]"><Name><xsl:value-of select="."/></Name></xsl:for-each>
      <xsl:apply-templates select="c:Identifier[1]"/>
      <xsl:apply-templates select="c:Address"/>
      <xsl:if test="$contact">
        <xsl:for-each select="c:Communication[string()][1]"><Communication><ID><xsl:value-of select="."/></ID><TypeCode><xsl:value-of select="@type"/></TypeCode></Communication></xsl:for-each>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="c:Identifier">
    <ID><xsl:if test="@scheme != 'UNSPECIFIED'"><xsl:attribute name="schemeID" select="@scheme"/></xsl:if><xsl:value-of select="."/></ID>
  </xsl:template>

  <xsl:template match="c:Address | c:DeliveryAddress">
    <Address>
      <xsl:for-each select="c:City"><CityName><xsl:value-of select="."/></CityName></xsl:for-each>
      <xsl:for-each select="c:Country"><CountryCode><xsl:value-of select="."/></CountryCode></xsl:for-each>
      <xsl:for-each select="c:SubdivisionCode[string()]"><CountrySubDivisionCode><xsl:value-of select="."/></CountrySubDivisionCode></xsl:for-each>
      <xsl:if test="c:Line[string()]"><Line><xsl:value-of select="string-join(c:Line[string()], ' ')"/></Line></xsl:if>
      <xsl:for-each select="c:PostalCode[string()]"><PostcodeID><xsl:value-of select="."/></PostcodeID></xsl:for-each>
    </Address>
  </xsl:template>

  <xsl:template match="c:GoodsItem">
    <xsl:variable name="procedure" select="ancestor::c:Declaration/c:Procedure"/>
    <GovernmentAgencyGoodsItem>
      <SequenceNumeric><xsl:value-of select="c:Sequence"/></SequenceNumeric>
      <xsl:for-each select="c:CustomsValue"><CustomsValueAmount currencyID="{@currency}"><xsl:value-of select="."/></CustomsValueAmount></xsl:for-each>
      <xsl:for-each select="c:RecordNumber[string()]"><AdditionalDocument><ID><xsl:value-of select="."/></ID><TypeCode>ITEM_RECORD</TypeCode></AdditionalDocument></xsl:for-each>
      <xsl:for-each select="c:Note[string()]"><AdditionalInformation><StatementDescription><xsl:value-of select="."/></StatementDescription><StatementTypeCode>AAI</StatementTypeCode></AdditionalInformation></xsl:for-each>
      <Commodity>
        <Description><xsl:value-of select="c:Description"/></Description>
        <xsl:for-each select="c:Classification"><Classification><ID><xsl:value-of select="."/></ID><IdentificationTypeCode><xsl:value-of select="@scheme"/></IdentificationTypeCode></Classification></xsl:for-each>
        <xsl:for-each select="c:DangerousGoodsUNNumber[string()]"><DangerousGoods><UNDGID><xsl:value-of select="."/></UNDGID></DangerousGoods></xsl:for-each>
        <xsl:for-each select="c:Tax">
          <DutyTaxFee>
            <xsl:for-each select="c:Base"><AdValoremTaxBaseAmount currencyID="{@currency}"><xsl:value-of select="."/></AdValoremTaxBaseAmount></xsl:for-each>
            <xsl:for-each select="c:Rate"><TaxRateNumeric><xsl:value-of select="."/></TaxRateNumeric></xsl:for-each>
            <xsl:for-each select="c:Type[. != 'UNSPECIFIED']"><TypeCode><xsl:for-each select="@scheme"><xsl:attribute name="listID" select="."/></xsl:for-each><xsl:value-of select="."/></TypeCode></xsl:for-each>
            <Payment><TaxAssessedAmount currencyID="{c:Amount/@currency}"><xsl:value-of select="c:Amount"/></TaxAssessedAmount></Payment>
          </DutyTaxFee>
        </xsl:for-each>
        <xsl:if test="c:GrossWeight or c:NetWeight or c:LegalQuantity">
          <GoodsMeasure>
            <xsl:for-each select="c:GrossWeight"><GrossMassMeasure unitCode="KGM"><xsl:value-of select="."/></GrossMassMeasure></xsl:for-each>
            <xsl:for-each select="c:NetWeight"><NetNetWeightMeasure unitCode="KGM"><xsl:value-of select="."/></NetNetWeightMeasure></xsl:for-each>
            <xsl:for-each select="c:LegalQuantity[1]"><TariffQuantity unitCode="{@unitCode}"><xsl:value-of select="."/></TariffQuantity></xsl:for-each>
          </GoodsMeasure>
        </xsl:if>
        <InvoiceLine><ItemChargeAmount currencyID="{c:Value/@currency}"><xsl:value-of select="c:Value"/></ItemChargeAmount></InvoiceLine>
      </Commodity>
      <xsl:for-each select="$procedure"><GovernmentProcedure><CurrentCode><xsl:for-each select="@scheme"><xsl:attribute name="listID" select="."/></xsl:for-each><xsl:value-of select="."/></CurrentCode></GovernmentProcedure></xsl:for-each>
      <xsl:for-each select="c:OriginCountry"><Origin><CountryCode><xsl:value-of select="."/></CountryCode></Origin></xsl:for-each>
      <Packaging>
        <SequenceNumeric>1</SequenceNumeric>
        <QuantityQuantity><xsl:value-of select="c:Quantity"/></QuantityQuantity>
        <TypeCode><xsl:value-of select="c:Quantity/@unitCode"/></TypeCode>
      </Packaging>
    </GovernmentAgencyGoodsItem>
  </xsl:template>
</xsl:stylesheet>
